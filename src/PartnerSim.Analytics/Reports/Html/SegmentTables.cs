using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>Readable selections of the segment table: winners and losers per segment in a quarter, and who left.</summary>
public static class SegmentTables
{
    private static readonly string[] s_headers =
        ["segment", "partners", "losing", "% losing", "winners", "% winners", "left", "mean CPI", "mean legacy", "mean shortfall",
         "median shortfall", "p90 shortfall", "median loss of the losing", "median PVI"];

    public const string Note =
        "Per partner and quarter. Losing: legacy would pay, CPI earned nothing. Winners: CPI earned exceeds the legacy " +
        "counterfactual. Shortfall: legacy counterfactual minus CPI earned (above 0: the partner loses). Median loss of the " +
        "losing: the median shortfall of the losing partners. Left: partners leaving at the end of the quarter.";

    /// <summary>One row per segment (those without partners in the quarter are left out).</summary>
    public static HtmlTable Outcomes(string caption, SegmentTable segments, IEnumerable<(string Label, SegmentKey Key)> rows)
    {
        var table = new HtmlTable(caption, s_headers) { Note = Note };
        foreach (var (label, key) in rows)
        {
            if (segments.Row(key) is not { } r) continue;
            string Money(string f) => segments.Value(r, f) is { } v ? Display.Money(v) : Display.Missing;
            string Count(string f) => segments.Value(r, f) is { } v ? Display.Count(v) : Display.Missing;
            string Share(string f) => segments.Value(r, f) is { } v ? Display.Share(v) : Display.Missing;
            table.Row(label, Count("partners"), Count("losing"), Share("share_losing"), Count("winners"), Share("share_winners"),
                Count("left"), Money("mean_cpi_rebate_usd"), Money("mean_legacy_rebate_usd"), Money("mean_shortfall_usd"),
                Money("p50_shortfall_usd"), Money("p90_shortfall_usd"), Money("median_shortfall_usd"),
                segments.Value(r, "p50_pvi") is { } pvi ? Display.Number(pvi) : Display.Missing);
        }
        return table;
    }

    public static IEnumerable<(string, SegmentKey)> ByTier(RunSummary run, string quarter) =>
        new[] { ("everyone", new SegmentKey(quarter, SegmentKey.All, SegmentKey.All, SegmentKey.All, SegmentKey.All)) }
            .Concat(Tiers(run).Select(t => (t, new SegmentKey(quarter, t, SegmentKey.All, SegmentKey.All, SegmentKey.All))));

    /// <summary>The fat-middle tiers split by distributor programme and archetype.</summary>
    public static IEnumerable<(string, SegmentKey)> FatMiddleByProgrammeAndArchetype(RunSummary run, SegmentTable segments, string quarter)
    {
        var programmes = Values(segments, quarter, k => k.ManagedBy);
        var archetypes = Values(segments, quarter, k => k.Archetype);
        foreach (var tier in run.FatMiddleTiers.Select(t => t.ToString()))
            foreach (var programme in programmes)
                foreach (var archetype in archetypes)
                    yield return ($"{tier} · {Programme(programme)} · {archetype}", new SegmentKey(quarter, tier, SegmentKey.All, programme, archetype));
    }

    /// <summary>Partners that left during the run, by legacy tier (rows) and archetype (columns), summed over the quarters.</summary>
    public static HtmlTable WhoLeft(RunSummary run, SegmentTable segments)
    {
        var archetypes = segments.Keys.Select(k => k.Archetype).Where(a => a != SegmentKey.All).Distinct().Order(StringComparer.Ordinal).ToList();
        var programmes = segments.Keys.Select(k => k.ManagedBy).Where(a => a != SegmentKey.All).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new HtmlTable("Who left, and from where: partners that left for another vendor during the run",
            ["legacy tier", .. archetypes, .. programmes.Select(p => $"programme: {Programme(p)}"), "all", "% of the tier's partners at the start"])
        {
            Note = "Summed over the quarters of the run; the share is of the tier's partners in the first quarter.",
        };
        foreach (var tier in Tiers(run).Append(SegmentKey.All))
        {
            double Left(string managed, string archetype) => run.PerQuarter.Sum(q =>
                segments.Value(new SegmentKey(q.Quarter, tier, SegmentKey.All, managed, archetype), "left") ?? 0);
            double total = Left(SegmentKey.All, SegmentKey.All);
            double start = segments.Value(new SegmentKey(run.PerQuarter[0].Quarter, tier, SegmentKey.All, SegmentKey.All, SegmentKey.All), "partners") ?? 0;
            table.Row([tier == SegmentKey.All ? "every tier" : tier,
                .. archetypes.Select(a => Display.Count(Left(SegmentKey.All, a))),
                .. programmes.Select(p => Display.Count(Left(p, SegmentKey.All))),
                Display.Count(total), start > 0 ? Display.Share(total / start) : Display.Missing]);
        }
        return table;
    }

    /// <summary>The legacy tiers as the segment table names them, lowest first.</summary>
    public static IReadOnlyList<string> Tiers(RunSummary run) =>
        [.. run.First.Children("migration").Select(t => char.ToUpperInvariant(t[0]) + t[1..])];

    private static List<string> Values(SegmentTable segments, string quarter, Func<SegmentKey, string> of) =>
        [.. segments.Keys.Where(k => k.Quarter == quarter).Select(of).Where(v => v != SegmentKey.All).Distinct().Order(StringComparer.Ordinal)];

    private static string Programme(string managedBy) => managedBy == "None" ? "unmanaged" : managedBy;
}
