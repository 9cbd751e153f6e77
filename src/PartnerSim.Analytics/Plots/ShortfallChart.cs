using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>
/// The fat middle's shortfall per quarter on its own axis (legacy counterfactual minus CPI earned), its unmanaged part
/// drawn apart, and the quarter where it closes.
/// </summary>
public static class ShortfallChart
{
    public const string Id = "fat-middle-shortfall";

    public static Chart Of(RunSummary run)
    {
        var q = run.PerQuarter;
        double[] whole = [.. q.Select(x => x.Value("fatMiddle.shortfallUsd"))];
        double[] unmanaged = [.. q.Select(x => x.Value("unmanagedFatMiddle.shortfallUsd"))];
        var (divisor, unit) = ChartStyle.MoneyScale(whole.Concat(unmanaged).Select(Math.Abs).DefaultIfEmpty(0).Max());
        const string title = "Fat-middle shortfall per quarter (legacy counterfactual − CPI earned)";
        var plot = ChartStyle.New(title, "fiscal quarter", $"{unit} per quarter (above 0: the partners lose)");
        ChartStyle.MarkLaunch(plot, run);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        var xs = ChartStyle.Positions(q.Count);
        bool same = whole.SequenceEqual(unmanaged);
        ChartStyle.Line(plot, xs, [.. whole.Select(v => v / divisor)],
            same ? "fat middle (all of it unmanaged: no distributor programme)" : "fat middle", ChartStyle.Loss);
        if (!same)
            ChartStyle.Line(plot, xs, [.. unmanaged.Select(v => v / divisor)], "unmanaged fat middle (no distributor programme)",
                ChartStyle.Unmanaged, LinePattern.Dashed, MarkerShape.OpenSquare);
        if (run.Closing("fatMiddle") is { } closing)
        {
            Mark(plot, run, closing.ClosesIn, $"fat-middle shortfall closes ({closing.ClosesIn})", LinePattern.Dotted);
            Mark(plot, run, closing.ReopensIn, $"… and opens again ({closing.ReopensIn})", LinePattern.DenselyDashed);
        }
        ChartStyle.QuarterAxis(plot, ChartStyle.Quarters(run));
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        var top = whole.Concat(unmanaged).DefaultIfEmpty(0).Max() / divisor;
        var bottom = Math.Min(0, whole.Concat(unmanaged).DefaultIfEmpty(0).Min() / divisor);
        plot.Axes.SetLimitsY(bottom - (top - bottom) * 0.05, top + (top - bottom) * 0.6 + 1e-9);
        return new Chart(Id, title,
            "The fat middle's legacy counterfactual minus its CPI earned, summed over its partners each quarter; zero before launch. " +
            "Where it crosses zero the fat middle as a whole earns as much under Cisco 360 as it would have under legacy rules.", plot);
    }

    private static void Mark(Plot plot, RunSummary run, string? quarter, string label, LinePattern pattern)
    {
        int i = ChartStyle.Index(run, quarter);
        if (i < 0) return;
        var line = plot.Add.VerticalLine(i, 2, ChartStyle.Loss.WithAlpha(0.7), pattern);
        line.LegendText = label;
    }
}
