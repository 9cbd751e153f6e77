using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>
/// The fat middle's shortfall per partner by legacy tier and archetype in one quarter, as box plots drawn from the
/// segment table's quantiles: the box spans the 10th to the 90th percentile, the line is the median, the diamond the
/// mean. (Gold's rebates are ten times larger and would flatten the fat middle's boxes; every tier is in the report's
/// segment tables.)
/// </summary>
public static class SegmentBoxChart
{
    public const string LaunchId = "segment-shortfall-launch", EndId = "segment-shortfall-end";

    public static Chart Of(RunSummary run, SegmentTable segments, QuarterRecord quarter, string id, string moment)
    {
        var tiers = run.FatMiddleTiers.Select(t => t.ToString()).ToList();
        var archetypes = segments.Keys.Where(k => k.Quarter == quarter.Quarter && k.Archetype != SegmentKey.All)
            .Select(k => k.Archetype).Distinct().Order(StringComparer.Ordinal).ToList();
        var values = new List<double>();
        foreach (var tier in tiers)
            foreach (var archetype in archetypes)
                foreach (var f in new[] { "p10_shortfall_usd", "p90_shortfall_usd", "mean_shortfall_usd" })
                    if (segments.Value(Key(quarter, tier, archetype), f) is { } v) values.Add(v);
        var (divisor, unit) = ChartStyle.MoneyScale(values.Select(Math.Abs).DefaultIfEmpty(0).Max());

        string title = $"Fat-middle shortfall per partner by tier and archetype {moment} ({quarter.Quarter})";
        var plot = ChartStyle.New(title, "legacy tier", $"{unit} per partner per quarter (above 0: the partner loses)");
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        double width = 0.8 / Math.Max(1, archetypes.Count);
        for (int a = 0; a < archetypes.Count; a++)
        {
            var color = ChartStyle.Series(a);
            var boxes = new List<Box>();
            var means = new List<Coordinates>();
            for (int t = 0; t < tiers.Count; t++)
            {
                var key = Key(quarter, tiers[t], archetypes[a]);
                if (segments.Value(key, "p50_shortfall_usd") is not { } median) continue;
                double x = t - 0.4 + width * (a + 0.5);
                boxes.Add(new Box
                {
                    Position = x,
                    Width = width * 0.8,
                    BoxMin = (segments.Value(key, "p10_shortfall_usd") ?? median) / divisor,
                    BoxMax = (segments.Value(key, "p90_shortfall_usd") ?? median) / divisor,
                    BoxMiddle = median / divisor,
                });
                if (segments.Value(key, "mean_shortfall_usd") is { } mean) means.Add(new Coordinates(x, mean / divisor));
            }
            if (boxes.Count == 0) continue;
            var plotted = plot.Add.Boxes(boxes);
            plotted.LegendText = archetypes[a];
            plotted.FillColor = color.WithAlpha(0.35);
            plotted.LineColor = color.Darken(0.3);
            plotted.LineWidth = 2;
            if (means.Count > 0) plot.Add.Markers(means, MarkerShape.FilledDiamond, 10, color.Darken(0.5));
        }
        var legendMean = plot.Add.Markers(new[] { new Coordinates(double.NaN, double.NaN) }, MarkerShape.FilledDiamond, 10, Colors.Black);
        legendMean.LegendText = "mean (diamond)";
        plot.Axes.Bottom.SetTicks(ChartStyle.Positions(tiers.Count), [.. tiers]);
        plot.Axes.SetLimitsX(-0.6, tiers.Count - 0.4);
        var limits = plot.Axes.GetDataLimits();
        plot.Axes.SetLimitsY(Math.Min(0, limits.Bottom) * 1.1, Math.Max(0, limits.Top) * 1.35 + 1e-9);
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        return new Chart(id, title,
            $"Per-partner shortfall (legacy counterfactual minus CPI earned) of the fat middle in {quarter.Quarter}, by legacy tier and archetype. " +
            "Box: 10th to 90th percentile; line: median; diamond: mean.", plot);
    }

    private static SegmentKey Key(QuarterRecord q, string tier, string archetype) =>
        new(q.Quarter, tier, SegmentKey.All, SegmentKey.All, archetype);
}
