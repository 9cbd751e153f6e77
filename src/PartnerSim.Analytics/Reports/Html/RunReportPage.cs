using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>
/// report.html of a run, built from its files: the headline sentence, the fat middle quarter by quarter, every chart,
/// the segment and migration tables, the PVI per portfolio, the calibration block, every assumption with its tag, and
/// the definition of every figure.
/// </summary>
public static class RunReportPage
{
    public const string FileName = "report.html";

    public static string Build(RunFiles files, IReadOnlyList<DrawnChart> charts)
    {
        var run = files.Summary;
        var page = new HtmlPage($"PartnerSim: {run.Scenario}");
        page.Heading($"PartnerSim run: {run.Scenario}", run.Description);
        page.Paragraph(RunHeadline.Sentence(run), "headline");
        page.Paragraph(Identity(run), "meta");

        page.Section("headline-figures", "Headline figures");
        page.Table(HeadlineFigures(run));

        page.Section("fat-middle", "The fat middle quarter by quarter");
        page.Table(FatMiddle(run));

        page.Section("charts", "Charts");
        foreach (var chart in charts) page.Figure(chart);

        string first = run.Launch is null ? "in the first quarter" : "at launch";
        page.Section("segments", "Winners and losers by segment");
        foreach (var (q, when) in Moments(run))
            page.Table(SegmentTables.Outcomes($"By legacy tier {when} ({q.Quarter})", files.Segments, SegmentTables.ByTier(run, q.Quarter)));
        foreach (var (q, when) in Moments(run))
            page.Table(SegmentTables.Outcomes($"The fat middle by distributor programme and archetype {when} ({q.Quarter})", files.Segments,
                SegmentTables.FatMiddleByProgrammeAndArchetype(run, files.Segments, q.Quarter)));
        page.Table(SegmentTables.WhoLeft(run, files.Segments));

        page.Section("migration", "Band migration: legacy tier → Cisco 360 band");
        foreach (var (q, when) in Moments(run)) page.Table(Migration(q, $"Partners by legacy tier and effective band of the main portfolio {when} ({q.Quarter})"));

        page.Section("pvi", "PVI by portfolio");
        page.Table(PviByPortfolio(run));

        page.Section("calibration", "Calibration");
        page.Table(Calibration(run));

        page.Section("assumptions", "Assumptions");
        page.Paragraph($"Every seed- and assumption-tagged parameter the run used ({run.Assumptions.Count}), as summary.json lists it. " +
            "Published rule-book values are not listed; the band thresholds are " +
            $"{Display.Number(run.Thresholds.Registered)} / {Display.Number(run.Thresholds.Partner)} / {Display.Number(run.Thresholds.Preferred)}" +
            (run.Thresholds.Recorded ? "." : " (the rule book's defaults: this run's summary.json does not record them)."));
        page.Table(Assumptions(run), "assumptions-table");

        page.Section("definitions", "Definitions of the figures");
        page.Table(Definitions(run));

        page.Section("files", "Files of the run");
        page.List(FileList(files, charts));
        return page.Render();
    }

    /// <summary>The two quarters the tables compare: launch (or the first quarter) and the end.</summary>
    private static IEnumerable<(QuarterRecord Quarter, string When)> Moments(RunSummary run)
    {
        yield return (run.First, run.Launch is null ? "in the first quarter" : "at launch");
        if (run.End != run.First) yield return (run.End, "at the end");
    }

    private static string Identity(RunSummary run) =>
        $"seed {run.Seed} · {Display.Count(run.Partners)} partners · {run.Quarters} quarters from {run.Start} to {run.End.Quarter} · " +
        (run.Launch is null ? "no Cisco 360 launch" : $"Cisco 360 launches in {run.Launch}") +
        $" · engine {run.Engine} · digest {run.Digest}";

    private static HtmlTable HeadlineFigures(RunSummary run)
    {
        var table = new HtmlTable("Figures of the whole run", "figure", "value", "query", "what it is");
        foreach (var h in run.Headline)
        {
            var definition = run.Definitions.FirstOrDefault(d => d.Section == "headline" && d.Name == h.Name);
            string value = h.Name.EndsWith("Usd", StringComparison.Ordinal) ? Display.Money(h.Value)
                : h.Value is { } v && v % 1 != 0 ? Display.Number(v, "0.####") : Display.Count(h.Value);
            table.Row(h.Name, value, definition?.Query ?? "", definition?.Description ?? "");
        }
        return table;
    }

    private static HtmlTable FatMiddle(RunSummary run)
    {
        var table = new HtmlTable($"The fat middle (legacy {string.Join(" and ", run.FatMiddleTiers)}) per quarter",
            "quarter", "rules", "partners", "losing CPI eligibility", "% losing", "winners", "shortfall", "unmanaged shortfall",
            "median loss of the losing", "p90 loss of the losing", "left")
        {
            Note = string.Join(" ", run.Closings.Select(c => c.Segment switch
            {
                "fatMiddle" => "The fat middle's shortfall ",
                "unmanagedFatMiddle" => "The unmanaged fat middle's ",
                _ => c.Segment + ": ",
            } + (c.ClosesIn is null ? $"does not close by {run.End.Quarter}." : $"closes in {c.ClosesIn}" + (c.ReopensIn is null ? "." : $" and opens again in {c.ReopensIn}."))))
                + " Closes: " + (run.Closings.FirstOrDefault()?.Definition ?? "") + ".",
        };
        foreach (var q in run.PerQuarter)
            table.Row(q.Quarter, q.Grace ? "Cisco 360, grace" : q.Regime == "legacy" ? "legacy" : "Cisco 360",
                Display.Count(q["fatMiddle.partners"]), Display.Count(q["fatMiddle.losing"]), Display.Share(q["fatMiddle.shareLosing"]),
                Display.Count(q["fatMiddle.winners"]), Display.Money(q["fatMiddle.shortfallUsd"]), Display.Money(q["unmanagedFatMiddle.shortfallUsd"]),
                Display.Money(q["fatMiddle.medianShortfallUsd"]), Display.Money(q["fatMiddle.p90LosingShortfallUsd"]), Display.Count(q["fatMiddle.left"]));
        return table;
    }

    private static HtmlTable Migration(QuarterRecord q, string caption)
    {
        var m = MigrationTable.Of(q);
        var table = new HtmlTable(caption, ["legacy tier", .. m.Bands, "all"])
        {
            Note = "Partners active in the quarter (share of the tier in brackets). The partner band and above earn CPI.",
        };
        for (int t = m.Tiers.Count - 1; t >= 0; t--)
            table.Row([char.ToUpperInvariant(m.Tiers[t][0]) + m.Tiers[t][1..], .. Enumerable.Range(0, m.Bands.Count).Select(b => $"{Display.Count(m.Count(t, b))} ({Display.Share(m.Share(t, b))})"),
                Display.Count(m.TierTotal(t))]);
        return table;
    }

    private static HtmlTable PviByPortfolio(RunSummary run)
    {
        var t = run.Thresholds;
        var table = new HtmlTable("PVI per portfolio at launch and at the end",
            "quarter", "portfolio", "median PVI", $"% with PVI ≥ {Display.Number(t.Registered)}", $"% with PVI ≥ {Display.Number(t.Partner)}",
            $"% with PVI ≥ {Display.Number(t.Preferred)}", "% at partner band or better (effective)")
        {
            Note = "From each portfolio's PVI histogram (0.1-wide buckets, grace included): the median is the bucket that holds it. " +
                "The effective band adds the 18-month high-water mark, so it can exceed what the PVI alone gives.",
        };
        foreach (var (q, _) in Moments(run))
            foreach (var portfolio in q.Children("pviHistogramByPortfolio"))
            {
                var h = q.Histogram($"pviHistogramByPortfolio.{portfolio}") ?? [];
                double total = h.Sum();
                string AtLeast(double pvi) => total > 0 ? Display.Share(h.Skip((int)Math.Round(pvi * 10)).Sum() / total) : Display.Missing;
                double bandTotal = q.Children($"bandsByPortfolio.{portfolio}").Sum(b => q.Value($"bandsByPortfolio.{portfolio}.{b}"));
                double partnerPlus = q.Value($"bandsByPortfolio.{portfolio}.partner") + q.Value($"bandsByPortfolio.{portfolio}.preferred");
                table.Row(q.Quarter, portfolio, Median(h), AtLeast(t.Registered), AtLeast(t.Partner), AtLeast(t.Preferred),
                    bandTotal > 0 ? Display.Share(partnerPlus / bandTotal) : Display.Missing);
            }
        return table;
    }

    private static string Median(double[] histogram)
    {
        double total = histogram.Sum(), seen = 0;
        for (int k = 0; k < histogram.Length; k++)
        {
            seen += histogram[k];
            if (total > 0 && seen >= total / 2) return $"{Display.Number(k / 10.0, "0.0")}–{Display.Number((k + 1) / 10.0, "0.0")}";
        }
        return Display.Missing;
    }

    private static HtmlTable Calibration(RunSummary run)
    {
        var table = new HtmlTable("The rule book's calibration targets, measured on this run", "target", "measured", "aim", "met");
        foreach (var c in run.Calibration)
            table.TextRow(c.Name + (c.Quarter is null ? "" : $" ({c.Quarter})"),
                c.Name.EndsWith("Usd", StringComparison.Ordinal) ? Display.Money(c.Value) : Display.Number(c.Value, "0.####"),
                c.Target, c.Met switch { true => "yes", false => "no", null => "not measurable in this run" });
        return table;
    }

    private static HtmlTable Assumptions(RunSummary run)
    {
        var table = new HtmlTable("Parameters the run used", "name", "value", "tag", "description");
        foreach (var a in run.Assumptions) table.TextRow(a.Name, a.Value, a.Tag, a.Description);
        return table;
    }

    private static HtmlTable Definitions(RunSummary run)
    {
        var table = new HtmlTable("What each figure of summary.json, quarters.csv and segments.csv means", "section", "figure", "unit", "description");
        foreach (var d in run.Definitions) table.TextRow(d.Section, d.Name, d.Unit ?? "", d.Description);
        return table;
    }

    private static IEnumerable<string> FileList(RunFiles files, IReadOnlyList<DrawnChart> charts) =>
    [
        "summary.json: the run's identity, headline, calibration, assumptions, definitions and every quarter",
        "quarters.csv, quarters.parquet: one row per quarter (the population, the fat middle, its unmanaged part)",
        "segments.csv, segments.parquet: per quarter and segment (legacy tier × size × programme × archetype, and every margin)",
        files.DetailPath is null ? "no partner-quarter detail (the run did not write partner-quarters.parquet)" : "partner-quarters.parquet: one row per partner and quarter",
        $"plots/: the {charts.Count} charts above, each as PNG and SVG",
        "report.html: this report (rebuild it with: partnersim report DIR)",
    ];
}
