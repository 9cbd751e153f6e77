using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>Active partners by the Cisco 360 effective band of their main portfolio, quarter by quarter.</summary>
public static class BandsChart
{
    public const string Id = "bands";

    public static Chart Of(RunSummary run)
    {
        var q = run.PerQuarter;
        const string title = "Partners by Cisco 360 effective band (main portfolio)";
        var plot = ChartStyle.New(title, "fiscal quarter", "active partners");
        ChartStyle.MarkLaunch(plot, run);
        var xs = ChartStyle.Positions(q.Count);
        var bands = run.First.Children("bands");
        for (int b = 0; b < bands.Count; b++)
            ChartStyle.Line(plot, xs, [.. q.Select(x => x.Value($"bands.{bands[b]}"))], bands[b], ChartStyle.Series(b));
        ChartStyle.Line(plot, xs, [.. q.Select(x => x.Value("partnerPlus"))], "partner band or better (earning CPI)", Colors.Black,
            LinePattern.Dashed, MarkerShape.OpenCircle);
        ChartStyle.QuarterAxis(plot, ChartStyle.Quarters(run));
        plot.Axes.SetLimitsY(0, q.Max(x => x.Value("active")) * 1.3);
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        return new Chart(Id, title,
            "Active partners by the effective band (high-water mark and grace included) of their main portfolio. Before launch the " +
            "bands are what Cisco 360 would give; the legacy tiers pay.", plot);
    }
}
