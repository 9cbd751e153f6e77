using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>How many fat-middle partners lose CPI eligibility each quarter, and how much they lose (median and p90).</summary>
public static class LosingChart
{
    public const string Id = "fat-middle-losing";

    public static Chart Of(RunSummary run)
    {
        var q = run.PerQuarter;
        const string title = "Fat-middle partners losing CPI eligibility, and what they lose";
        var plot = ChartStyle.New(title, "fiscal quarter", "partners losing CPI eligibility (bars)");
        ChartStyle.MarkLaunch(plot, run);
        var bars = plot.Add.Bars(ChartStyle.Positions(q.Count), q.Select(x => x.Value("fatMiddle.losing")));
        bars.Color = ChartStyle.Loss.WithAlpha(0.55);
        bars.LegendText = "fat-middle partners losing CPI eligibility (left axis)";
        foreach (var b in bars.Bars) b.Size = 0.6;

        double[] median = [.. q.Select(x => x.Value("fatMiddle.medianShortfallUsd"))];
        double[] p90 = [.. q.Select(x => x.Value("fatMiddle.p90LosingShortfallUsd"))];
        var (divisor, unit) = ChartStyle.MoneyScale(p90.DefaultIfEmpty(0).Max());
        var right = plot.Axes.Right;
        ChartStyle.Style(right, $"shortfall per losing partner ({unit} per quarter, lines)");
        var xs = ChartStyle.Positions(q.Count);
        var launched = Enumerable.Range(0, q.Count).Where(i => q[i].Regime != "legacy").ToArray();
        foreach (var (values, label, pattern, marker) in new[]
        {
            (median, "median shortfall of the losing partners (right axis)", LinePattern.Solid, MarkerShape.FilledDiamond),
            (p90, "90th percentile of their shortfall (right axis)", LinePattern.Dashed, MarkerShape.OpenDiamond),
        })
        {
            var line = ChartStyle.Line(plot, [.. launched.Select(i => xs[i])], [.. launched.Select(i => values[i] / divisor)], label,
                ChartStyle.Neutral, pattern, marker);
            line.Axes.YAxis = right;
        }
        ChartStyle.QuarterAxis(plot, ChartStyle.Quarters(run));
        plot.Axes.SetLimitsY(0, Math.Max(1, q.Max(x => x.Value("fatMiddle.losing"))) * 1.5);
        plot.Axes.SetLimitsY(0, Math.Max(1, p90.DefaultIfEmpty(0).Max() / divisor) * 1.5, right);
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        return new Chart(Id, title,
            "Bars: fat-middle partners whose legacy rebate would be paid but who earn no CPI (left axis). Lines: what those partners " +
            "lose per quarter, their median and 90th percentile (right axis).", plot);
    }
}
