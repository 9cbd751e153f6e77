using PartnerSim.Analytics.Reports;
using PartnerSim.Model.Figures;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>
/// The run's two standard charts (ScottPlot, PNG): the rebate pots and the fat-middle shortfall by quarter,
/// and the main-portfolio PVI distribution at launch against the thresholds.
/// </summary>
public static class RunPlots
{
    public const int Width = 900, Height = 500;

    public static void WriteRebates(RunReport r, string path)
    {
        var plot = new Plot();
        var quarters = r.Result.PerQuarter;
        double[] xs = quarters.Select(q => (double)q.Quarter).ToArray();
        Line(plot, xs, quarters.Select(q => q.Total(QuarterFigures.LegacyEarned)), "legacy counterfactual");
        Line(plot, xs, quarters.Select(q => q.Total(QuarterFigures.CpiEarned)), "Cisco 360 CPI earned");
        if (r.Rules.Launch < quarters.Count) plot.Add.VerticalLine(r.Rules.Launch, pattern: LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            xs, quarters.Select(q => r.QuarterLabel(q.Quarter)).ToArray());
        plot.Title($"{r.Rules.Options.Run.Name}: rebates per quarter ($M)");
        plot.YLabel("$M per quarter");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    public static void WritePviDistribution(RunReport r, string path)
    {
        var stats = r.LaunchQuarter ?? r.Result.PerQuarter[^1];
        var plot = new Plot();
        var bars = stats.Keyed(QuarterFigures.PviHistogram).ToArray().Select((count, bucket) => new Bar
        {
            Position = bucket / 10.0 + 0.05, Value = count, Size = 0.1,
        }).ToList();
        plot.Add.Bars(bars);
        var rules = r.Rules.Options.Rules;
        foreach (var t in new[] { rules.RegisteredThreshold, rules.PartnerThreshold, rules.PreferredThreshold })
            plot.Add.VerticalLine(t, pattern: LinePattern.Dashed);
        plot.Title($"main-portfolio PVI in {r.QuarterLabel(stats.Quarter)} ({stats.Total(QuarterFigures.Active):N0} partners)");
        plot.XLabel("PVI");
        plot.YLabel("partners");
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, Width, Height);
    }

    private static void Line(Plot plot, double[] xs, IEnumerable<long> cents, string label)
    {
        var s = plot.Add.Scatter(xs, cents.Select(c => c / 100_000_000.0).ToArray());
        s.LegendText = label;
    }
}
