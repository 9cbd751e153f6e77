using System.Globalization;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>
/// report.html of an experiment, built from its files: a headline sentence of the first output's most important
/// factor, then per output the factors ranked by the design's measure, the tornado and response charts, the design
/// points' means with their 95% intervals and the replicate advice; then the scatter matrix (Latin hypercube) and the
/// setup.
/// </summary>
public static class ExperimentReportPage
{
    public const string FileName = "report.html";

    /// <summary>Design tables longer than this show only their highest and lowest means.</summary>
    public const int PointRows = 30, ExtremeRows = 10;

    public static string Build(ExperimentFiles files)
    {
        var e = files.Summary;
        var page = new HtmlPage($"PartnerSim experiment: {e.Name}");
        page.Heading($"PartnerSim experiment: {e.Name}", e.Description);
        page.Paragraph(ExperimentHeadline.Sentence(e), "headline");
        page.Paragraph(Identity(e), "meta");

        for (int o = 0; o < e.Outputs.Count; o++) OutputSection(page, files, o);

        if (files.Charts.FirstOrDefault(c => c.Chart.Kind == ExperimentChartKind.ScatterMatrix) is { Drawn: { } matrix })
        {
            page.Section("scatter-matrix", "Scatter matrix");
            page.Figure(matrix);
        }

        page.Section("setup", "Setup");
        Setup(page, e);

        page.Section("files", "Files of the experiment");
        page.List(FileList(e, files.Charts.Count));
        return page.Render();
    }

    private static string Identity(ExperimentSummary e) =>
        $"{Design(e)} · {Display.Count(e.Points)} design point{(e.Points == 1 ? "" : "s")} × {Display.Count(e.Replicates)} " +
        $"replicate{(e.Replicates == 1 ? "" : "s")} = {Display.Count(e.Runs)} runs · {Display.Count(e.Partners)} partners × {e.Quarters} quarters · " +
        $"base {e.BaseScenario} · master seed {e.MasterSeed} · fingerprint {e.Fingerprint[..Math.Min(12, e.Fingerprint.Length)]}…";

    private static string Design(ExperimentSummary e) => e.Method switch
    {
        "sobol" => $"Sobol design (Saltelli sample) of {Display.Count(e.Samples)} base rows",
        "morris" => $"Morris screening of {Display.Count(e.Samples)} trajectories on a {e.MorrisLevels}-level grid",
        "lhs" => $"Latin hypercube of {Display.Count(e.Samples)} points",
        "grid" when e.Factors.Count == 0 => "replicates of the base scenario (no factors)",
        "grid" => $"full grid ({Display.Count(e.Samples)} values per range)",
        _ => $"{e.Method} design",
    };

    private static void OutputSection(HtmlPage page, ExperimentFiles files, int index)
    {
        var e = files.Summary;
        var o = e.Outputs[index];
        page.Section($"output-{o.Name}", o.Name);
        page.Paragraph($"{o.Name} = {o.Query} ({o.Unit}).", "meta");
        var charts = files.Charts.Where(c => c.Chart.Output == index).ToList();

        if (e.Factors.Count > 0)
        {
            page.Subheading($"The factors, ranked by {FactorRanking.MeasureName(o)}");
            page.Table(Ranking(e, o), $"ranking-{o.Name}");
            foreach (var (_, drawn) in charts.Where(c => c.Chart.Kind == ExperimentChartKind.Tornado)) page.Figure(drawn);
            page.Subheading($"{o.Name} against each factor");
            foreach (var (_, drawn) in charts.Where(c => c.Chart.Kind == ExperimentChartKind.Response)) page.Figure(drawn);
        }

        page.Subheading(e.Points == 1 ? "The mean over the replicates" : "The design points");
        page.Table(Points(e, o), $"points-{o.Name}");

        page.Subheading("Replicates");
        page.Paragraph(Advice(e, o));
    }

    private static HtmlTable Ranking(ExperimentSummary e, OutputSummary o)
    {
        var order = FactorRanking.Of(o, e.Factors.Count);
        if (o.Sobol is { } sobol)
        {
            var table = new HtmlTable($"Sobol indices of {o.Name}, largest total index first",
                "rank", "factor", "total index", "95% CI", "first-order index", "95% CI")
            {
                Note = "Total index: the share of the output's variance the factor takes part in, alone or through interactions with " +
                       "the other factors; first-order: the share it explains alone. A total well above the first-order index means " +
                       $"the factor acts through interactions. Estimated from {Display.Count(e.Samples)} base rows (Saltelli 2010 for " +
                       $"first-order, Jansen 1999 for total), with 95% percentile-bootstrap intervals over the rows ({SobolAnalysis.DefaultResamples:N0} " +
                       "resamples). A true index lies within 0–100%; estimates from few rows can fall outside it, and their intervals show how far to trust them.",
            };
            foreach (var (j, rank) in order.Select((j, r) => (j, r + 1)))
            {
                var s = sobol.First(x => x.Factor == j);
                table.Row(Rank(rank), e.Factors[j].Key, Display.Percent(s.Total, "0.0"), PercentInterval(s.TotalLower, s.TotalUpper),
                    Display.Percent(s.First, "0.0"), PercentInterval(s.FirstLower, s.FirstUpper));
            }
            return table;
        }
        if (o.Morris is { } morris)
        {
            var table = new HtmlTable($"Morris elementary effects on {o.Name}, largest μ* first", "rank", "factor", "μ*", "μ", "σ")
            {
                Note = $"Each elementary effect is the change of {o.Name} when the factor alone moves one step of the {e.MorrisLevels}-level grid, " +
                       $"scaled to the factor's whole range; {Display.Count(e.Samples)} trajectories give one effect per factor each. " +
                       "μ*: the mean absolute effect, the factor's importance. μ: the mean effect; |μ| below μ* means effects of both signs. " +
                       "σ: their standard deviation; large against μ*, the effect depends on where the other factors are (non-linearity or " +
                       "interactions). Morris screening ranks factors; it gives no confidence interval.",
            };
            foreach (var (j, rank) in order.Select((j, r) => (j, r + 1)))
            {
                var m = morris.First(x => x.Factor == j);
                table.Row(Rank(rank), e.Factors[j].Key, Display.ByUnit(m.MuStar, o.Unit), Display.SignedByUnit(m.Mu, o.Unit), Display.ByUnit(m.Sigma, o.Unit));
            }
            return table;
        }
        var swings = new HtmlTable($"Swings of {o.Name}, largest first", "rank", "factor", "lowest values", "mean there", "highest values", "mean there", "swing")
        {
            Note = $"The swing is the mean of {o.Name} over the design points where the factor is highest minus its mean where the factor " +
                   "is lowest: at its first and last level, or in the bottom and top quarter of its range. The other factors vary across those points too, so with few points part of a swing is theirs. Swings have no " +
                   "confidence interval; the design points' intervals are in the table below." +
                   (e.Method is "sobol" or "morris" ? $" The {e.Method} indices could not be computed: {o.Name} is undefined at some design points." : ""),
        };
        foreach (var (j, rank) in order.Select((j, r) => (j, r + 1)))
        {
            var s = o.Swings.First(x => x.Factor == j);
            var f = e.Factors[j];
            swings.Row(Rank(rank), f.Key, FactorStrata.LowValues(f), Display.ByUnit(s.LowMean, o.Unit), FactorStrata.HighValues(f),
                Display.ByUnit(s.HighMean, o.Unit), Display.SignedByUnit(s.Swing, o.Unit));
        }
        return swings;
    }

    private static HtmlTable Points(ExperimentSummary e, OutputSummary o)
    {
        var shown = o.Points.ToList();
        string? trimmed = null;
        if (shown.Count > PointRows)
        {
            var defined = shown.Where(p => p.Mean is not null).OrderByDescending(p => p.Mean!.Value).ThenBy(p => p.Point).ToList();
            shown = defined.Count > 2 * ExtremeRows ? [.. defined.Take(ExtremeRows), .. defined.TakeLast(ExtremeRows)] : defined;
            int undefined = o.Points.Count - defined.Count;
            trimmed = $"{shown.Count} of {Display.Count(o.Points.Count)} design points: the {ExtremeRows} with the highest mean and the " +
                      $"{ExtremeRows} with the lowest, highest first" + (undefined > 0 ? $" ({Display.Count(undefined)} where the output is undefined are left out)" : "") +
                      ". Every point is in points.csv and summary.json.";
        }
        var table = new HtmlTable(e.Points == 1 ? $"{o.Name} over the replicates" : $"{o.Name} at each design point",
            ["point", .. e.Factors.Select(f => f.Key), "replicates", "mean", "95% CI"])
        {
            Note = string.Join(" ", new[]
            {
                trimmed,
                "Mean: over the replicates where the output is defined; 95% CI: Student t interval of that mean.",
                e.Replicates < 2 ? "One replicate per design point: no confidence intervals (they need two replicates or more)." :
                    o.Points.Any(p => p.Replicates < 2) ? "A dash: fewer than two replicates define the output there, too few for an interval." : null,
            }.OfType<string>()),
        };
        foreach (var p in shown)
            table.Row([p.Point.ToString(CultureInfo.InvariantCulture), .. p.Factors.Select(v => Number(v)), Display.Count(p.Replicates),
                Display.ByUnit(p.Mean, o.Unit), Display.IntervalByUnit(p.Lower, p.Upper, o.Unit)]);
        return table;
    }

    private static string Advice(ExperimentSummary e, OutputSummary o)
    {
        string within = Display.Percent(ExperimentResults.AdvisedRelativeHalfWidth);
        if (o.Advice is not { } a)
            return $"One replicate per design point: no confidence intervals, and no pilot to tell how many replicates would bring them within {within} " +
                   "of their means. Run two replicates or more (replicates: in the experiment file) for both.";
        within = Display.Percent(a.RelativeHalfWidth);
        string points = e.Points == 1 ? "the" : "every design point's";
        string hardest = e.Points > 1 && a.HardestPoint is { } h ? $" (design point {h} needs the most)" : "";
        string shortOf = e.Points > 1 ? $" With {a.Pilot}, {Display.Count(a.PointsShort)} of {Display.Count(e.Points)} design points fall short." : "";
        return a.Needed switch
        {
            { } n when n <= a.Pilot =>
                $"The {a.Pilot} replicates run already bring {points} 95% CI within {within} of its mean; {Display.Count(n)} would be enough{hardest}.",
            { } n =>
                $"From this pilot of {a.Pilot} replicates, {Display.Count(n)} replicates would bring {points} 95% CI within {within} of its mean{hardest}." + shortOf,
            null =>
                $"No number of replicates brings {points} 95% CI within {within} of its mean: " +
                (a.HardestPoint is { } z ? $"design point {z} has" : "a point has") + " a mean of 0 while its replicates vary." + shortOf,
        } + " The advice reads each point's spread in the pilot (Student t, the pilot's standard deviation taken as the truth), so it is as rough as a pilot is small.";
    }

    private static void Setup(HtmlPage page, ExperimentSummary e)
    {
        page.Paragraph($"Base scenario: {e.BaseScenario}, with {Display.Count(e.Partners)} partners over {e.Quarters} quarters at every design point.");
        var design = new HtmlTable("Design", "setting", "value")
        {
            Note = "Replicate r runs on the same seed at every design point (common random numbers), so points differ by their factors, not their luck.",
        };
        design.TextRow("method", Design(e));
        design.TextRow("sample size", e.Factors.Count == 0 ? "none (no factors): 1 design point" : Display.Count(e.Samples) + e.Method switch
        {
            "sobol" => $" base rows: N × (factors + 2) = {Display.Count(e.Points)} design points",
            "morris" => $" trajectories of factors + 1 points: {Display.Count(e.Points)} design points",
            "lhs" => " points",
            _ => $" values per range: {Display.Count(e.Points)} design point{(e.Points == 1 ? "" : "s")}",
        });
        design.TextRow("replicates", $"{Display.Count(e.Replicates)} per design point: {Display.Count(e.Runs)} runs");
        design.TextRow("master seed", e.MasterSeed.ToString(CultureInfo.InvariantCulture));
        design.TextRow("replicate seeds", string.Join(", ", e.ReplicateSeeds.Select(s => s.ToString(CultureInfo.InvariantCulture))));
        design.TextRow("fingerprint", e.Fingerprint);
        page.Table(design, "design-table");

        if (e.Factors.Count > 0)
        {
            var factors = new HtmlTable("Factors", "factor", "values", "distribution");
            foreach (var f in e.Factors)
                factors.TextRow(f.Key, Values(f), f.Factor.IsDiscrete ? "each equally likely" : f.Factor.Scale == FactorScale.LogUniform ? "log-uniform" : "uniform");
            page.Table(factors, "factors-table");
        }
        else page.Paragraph("No factors: every run is the base scenario; only the seeds differ.");

        var outputs = new HtmlTable("Outputs", "output", "query", "unit");
        foreach (var o in e.Outputs) outputs.TextRow(o.Name, o.Query, o.Unit);
        page.Table(outputs, "outputs-table");
    }

    private static string Values(ExperimentFactor f) =>
        f.LevelTexts is { } texts ? string.Join(", ", texts)
        : f.Factor.IsDiscrete ? $"the whole numbers {f.Label(f.Factor.Low)} to {f.Label(f.Factor.High)}"
        : $"{f.Label(f.Factor.Low)} to {f.Label(f.Factor.High)}";

    private static IEnumerable<string> FileList(ExperimentSummary e, int charts) =>
    [
        "experiment.parquet, experiment.csv: one row per run in design order (point, replicate, the factors' values, seed, digest, outputs)",
        "points.csv: per design point, each output's mean, 95% CI and replicates",
        e.Factors.Count == 0 ? "swings.csv: empty (no factors)" : "swings.csv: per output and factor, the mean where the factor is lowest and highest",
        .. e.Method switch
        {
            "sobol" => new[] { "sobol.csv: first-order and total Sobol indices with their 95% bootstrap intervals" },
            "morris" => ["morris.csv: Morris μ, μ* and σ"],
            _ => [],
        },
        e.Replicates >= 2 ? "replicates.csv: per output, the replicates that would bring every point's interval within 5% of its mean" : "no replicates.csv (one replicate: no pilot)",
        "summary.json: the setup and all of the results above",
        charts == 0 ? "no charts (no factors to chart)" : $"{ExperimentChart.Folder}/: the {charts} charts above, each as PNG and SVG",
        $"{FileName}: this report (rebuild it with: partnersim report DIR)",
    ];

    private static string Rank(int rank) => rank.ToString(CultureInfo.InvariantCulture);

    private static string PercentInterval(double? low, double? high) =>
        low is null || high is null ? Display.Missing : $"{Display.Percent(low, "0.0")} to {Display.Percent(high, "0.0")}";

    /// <summary>A factor's value as the scenario took it, shortened to six significant digits when it is a long number.</summary>
    private static string Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && value.Length > 8
            ? v.ToString("G6", CultureInfo.InvariantCulture) : value;
}
