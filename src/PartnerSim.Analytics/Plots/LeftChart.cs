using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>Partners that left for another vendor each quarter, stacked by the legacy tier they left from.</summary>
public static class LeftChart
{
    public const string Id = "partners-left";

    public static Chart Of(RunSummary run, SegmentTable segments)
    {
        var q = run.PerQuarter;
        var tiers = run.First.Children("migration").Select(t => char.ToUpperInvariant(t[0]) + t[1..]).ToList();
        const string title = "Partners that left for another vendor, by legacy tier";
        var plot = ChartStyle.New(title, "fiscal quarter", "partners leaving at the end of the quarter");
        ChartStyle.MarkLaunch(plot, run);
        var bases = new double[q.Count];
        for (int t = 0; t < tiers.Count; t++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < q.Count; i++)
            {
                double left = segments.Value(new SegmentKey(q[i].Quarter, tiers[t], SegmentKey.All, SegmentKey.All, SegmentKey.All), "left") ?? 0;
                bars.Add(new Bar { Position = i, ValueBase = bases[i], Value = bases[i] + left, Size = 0.6, FillColor = ChartStyle.Series(t) });
                bases[i] += left;
            }
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = $"{tiers[t]} ({bars.Sum(b => b.Value - b.ValueBase):N0} in all)";
        }
        ChartStyle.QuarterAxis(plot, ChartStyle.Quarters(run));
        plot.Axes.SetLimitsY(0, Math.Max(1, bases.DefaultIfEmpty(0).Max()) * 1.4);
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        return new Chart(Id, title,
            "Partners that left for another vendor at the end of each quarter, stacked by their legacy tier. Under the rule book only " +
            "Waiting partners leave, after quarters below the partner band.", plot);
    }
}
