using PartnerSim.Analytics.Compare;
using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>
/// compare.html, in the run report's style: a headline sentence of the largest differences, the parameters that
/// differ, headline and quarter deltas, segment deltas, the partner-by-partner comparison, and the overlaid charts.
/// </summary>
public static class ComparePage
{
    public const string FileName = "compare.html";

    private static readonly (string Figure, string Label, bool Money)[] s_quarterFigures =
    [
        ("partnerPlus", "partner band or better", false),
        ("losing", "losing CPI eligibility", false),
        ("fatMiddle.losing", "fat middle losing", false),
        ("fatMiddle.shortfallUsd", "fat-middle shortfall", true),
        ("unmanagedFatMiddle.shortfallUsd", "unmanaged fat-middle shortfall", true),
        ("fatMiddle.medianShortfallUsd", "median loss of the fat middle's losing", true),
        ("cpiRebateUsd", "CPI earned", true),
        ("legacyRebateUsd", "legacy counterfactual", true),
        ("left", "partners left", false),
    ];

    private static readonly (string Figure, string Label, bool Money)[] s_segmentFigures =
    [
        ("partners", "partners", false), ("losing", "losing", false), ("share_losing", "% losing", false), ("winners", "winners", false),
        ("mean_shortfall_usd", "mean shortfall", true), ("median_shortfall_usd", "median loss of the losing", true), ("left", "left", false),
    ];

    public static string Build(RunComparison c, IReadOnlyList<DrawnChart> charts)
    {
        var page = new HtmlPage($"PartnerSim: {c.B.Label} against {c.A.Label}");
        page.Heading($"PartnerSim comparison: B ({c.B.Label}) against A ({c.A.Label})",
            "Every delta is B minus A." + (c.HasIntervals ? $" Sides of replicates are compared by their means, with 95% confidence intervals of the deltas ({(c.Paired ? "paired by seed" : "Welch, unpaired")})." : ""));
        page.Paragraph(CompareHeadline.Sentence(c), "headline");
        page.Paragraph($"A: {Describe(c.A)}. B: {Describe(c.B)}. " + (c.Paired
            ? "Both sides ran the same seeds, so each seed's partners are the same on both sides: a paired comparison."
            : "The sides ran different seeds: their partners differ, so the comparison is of distributions, not partners."), "meta");

        page.Section("parameters", "Parameters that differ");
        if (c.Parameters.Count == 0) page.Paragraph("None: both sides ran the same scenario, seeds and parameters.");
        else
        {
            var table = new HtmlTable("Parameters whose value differs between A and B", "name", "A", "B", "tag", "description");
            foreach (var p in c.Parameters) table.TextRow(p.Name, p.A, p.B, p.Tag, p.Description);
            page.Table(table);
        }

        page.Section("headline-deltas", "Headline figures");
        page.Table(Headline(c));

        page.Section("quarter-deltas", "Quarter by quarter");
        page.Paragraph($"{c.QuarterFiguresDiffering:N0} of {c.QuarterFigures:N0} quarter figures differ between B and A. " +
            $"Every one, with A, B and the delta, is in {CompareTables.QuarterFile} and compare.json.");
        page.Table(Quarters(c));

        page.Section("segment-deltas", "Segments");
        page.Paragraph($"{c.Segments.Differing:N0} of {c.Segments.Count:N0} segment figures differ. Every segment and figure is in {CompareTables.SegmentFile}.");
        var run = c.A.First;
        foreach (var (quarter, when) in new[] { (run.First.Quarter, run.Launch is null ? "in the first quarter" : "at launch"), (run.End.Quarter, "at the end") }.Distinct())
        {
            page.Table(Segments(c, $"B − A by legacy tier {when} ({quarter})", SegmentTables.ByTier(run, quarter)));
            page.Table(Segments(c, $"B − A in the fat middle by archetype {when} ({quarter})", run.FatMiddleTiers
                .SelectMany(t => c.Segments.Keys.Where(k => k.Quarter == quarter && k.LegacyTier == t.ToString() && k.Size == SegmentKey.All
                    && k.ManagedBy == SegmentKey.All && k.Archetype != SegmentKey.All))
                .Select(k => ($"{k.LegacyTier} · {k.Archetype}", k))));
        }

        page.Section("partners", "Partner by partner");
        if (c.Partners is { } partners) PartnerSection(page, partners);
        else page.Paragraph(c.PartnersNote ?? "");

        page.Section("charts", "Charts");
        foreach (var chart in charts) page.Figure(chart);

        page.Section("files", "Files of the comparison");
        page.List(
        [
            $"{CompareJson.FileName}: the sides, the parameters that differ, the headline and every quarter figure with its delta, the partner comparison",
            $"{CompareTables.QuarterFile}: every quarter figure (quarter, figure, a, b, delta{(c.HasIntervals ? ", delta_low, delta_high" : "")})",
            $"{CompareTables.SegmentFile}: every segment figure per quarter and segment (a, b, delta{(c.HasIntervals ? " and its interval" : "")} per figure)",
            c.Partners is null ? "no partner comparison file" : $"{CompareTables.PartnerFile}: paired partners per quarter, and how many differ",
            $"plots/: the {charts.Count} charts above, each as PNG and SVG",
        ]);
        return page.Render();
    }

    private static string Describe(RunSide side) =>
        $"{side.Label} in {side.Directory}" + (side.IsReplicateSet ? $", {side.Runs.Count} runs (seeds {string.Join(", ", side.Seeds)})" : $", seed {side.First.Seed}");

    private static HtmlTable Headline(RunComparison c)
    {
        var table = new HtmlTable("Figures of the whole run", ["figure", "A", "B", "B − A", .. c.HasIntervals ? new[] { "95% interval" } : []]);
        foreach (var f in c.Headline)
        {
            bool money = f.Name.EndsWith("Usd", StringComparison.Ordinal);
            table.Row([f.Name, Value(f.A, money), Value(f.B, money), Delta(f.Delta, money), .. c.HasIntervals ? new[] { Interval(f, money) } : []]);
        }
        return table;
    }

    private static HtmlTable Quarters(RunComparison c)
    {
        var table = new HtmlTable("B − A per quarter" + (c.HasIntervals ? " (95% interval in brackets)" : ""),
            ["quarter", .. s_quarterFigures.Select(f => f.Label)]);
        foreach (var q in c.Quarters)
            table.Row([q.Quarter, .. s_quarterFigures.Select(f => q[f.Figure] is { } d ? Cell(d, f.Money, c.HasIntervals) : Display.Missing)]);
        return table;
    }

    private static HtmlTable Segments(RunComparison c, string caption, IEnumerable<(string Label, SegmentKey Key)> rows)
    {
        var table = new HtmlTable(caption, ["segment", .. s_segmentFigures.Select(f => f.Label)])
        {
            Note = "Per quarter; shortfall: legacy counterfactual minus CPI earned; the losing: partners legacy would pay who earn no CPI.",
        };
        foreach (var (label, key) in rows)
        {
            if (!c.Segments.Keys.Contains(key)) continue;
            table.Row([label, .. s_segmentFigures.Select(f => c.Segments.Find(key, f.Figure) is { } d
                ? (f.Figure.StartsWith("share_", StringComparison.Ordinal) ? ShareCell(d) : Cell(d, f.Money, c.HasIntervals))
                : Display.Missing)]);
        }
        return table;
    }

    private static void PartnerSection(HtmlPage page, PartnerDifferences p)
    {
        var counts = new HtmlTable("Paired partners per quarter", "quarter", "paired", "only in A", "only in B", "main band differs",
            "of which higher in B", "CPI paid differs", "CPI paid, B − A")
        { Note = "Each partner matched with itself across the two runs (same seed, same partners); band: the effective band of the main portfolio." };
        foreach (var q in p.Quarters)
            counts.Row(q.Quarter, Display.Count(q.Paired), Display.Count(q.OnlyInA), Display.Count(q.OnlyInB), Display.Count(q.BandDiffers),
                Display.Count(q.BandHigherInB), Display.Count(q.CpiPaidDiffers), Display.SignedMoney(q.CpiPaidDeltaUsd));
        page.Table(counts);
        if (p.Largest.Count == 0) { page.Paragraph("No partner's CPI paid differs in any quarter."); return; }
        var largest = new HtmlTable($"The {p.Largest.Count} largest differences in CPI paid", "partner", "quarter", "legacy tier",
            "band in A", "band in B", "CPI paid in A", "CPI paid in B", "B − A");
        foreach (var d in p.Largest)
            largest.Row(d.PartnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Quarter, d.LegacyTier, d.BandA, d.BandB,
                Display.Money(d.CpiPaidA), Display.Money(d.CpiPaidB), Display.SignedMoney(d.Delta));
        page.Table(largest);
    }

    private static string Cell(FigureDelta d, bool money, bool intervals) =>
        Delta(d.Delta, money) + (intervals && d.Low is { } l && d.High is { } h ? $" [{Delta(l, money)}, {Delta(h, money)}]" : "");

    private static string ShareCell(FigureDelta d) =>
        d.Delta is { } v ? (v > 0 ? "+" : "") + Display.Number(100 * v, "0.0") + " pts" : Display.Missing;

    private static string Interval(FigureDelta f, bool money) =>
        f.Low is { } l && f.High is { } h ? $"{Delta(l, money)} to {Delta(h, money)}" : Display.Missing;

    private static string Value(double? v, bool money) => v is { } x ? money ? Display.Money(x) : Display.Figure(x) : Display.Missing;

    internal static string Delta(double? v, bool money) => v is { } x ? money ? Display.SignedMoney(x) : Display.SignedFigure(x) : Display.Missing;
}
