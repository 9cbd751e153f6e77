using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>
/// PVI distributions against the band thresholds (registered, partner, preferred): the main portfolio before launch,
/// at launch and at the end; each portfolio at launch; and the main portfolio quarter by quarter as a heat map.
/// </summary>
public static class PviCharts
{
    public const string MainId = "pvi-main", PortfoliosId = "pvi-portfolios", QuartersId = "pvi-quarters";
    private const string Main = "pviHistogram", ByPortfolio = "pviHistogramByPortfolio";

    public static Chart MainPortfolio(RunSummary run)
    {
        var moments = new List<(QuarterRecord Quarter, string Label)>();
        int launch = ChartStyle.Index(run, run.Launch);
        if (launch > 0) moments.Add((run.PerQuarter[launch - 1], "before launch"));
        moments.Add((run.First, launch >= 0 ? "launch" : "first quarter"));
        if (run.End != run.First) moments.Add((run.End, "end"));
        const string title = "Main-portfolio PVI distribution against the band thresholds";
        var plot = ChartStyle.New(title, "PVI of the partner's main portfolio (0–10)", "% of active partners per 0.1 of PVI");
        for (int i = 0; i < moments.Count; i++)
            Step(plot, moments[i].Quarter.Histogram(Main), $"{moments[i].Quarter.Quarter} ({moments[i].Label})", ChartStyle.Series(i));
        Thresholds(plot, run.Thresholds);
        Finish(plot);
        return new Chart(MainId, title,
            "Share of the partners active in the quarter in each 0.1-wide PVI bucket of their main portfolio (grace credit included). " +
            "Dashed lines: the PVI at which each band starts.", plot);
    }

    public static Chart Portfolios(RunSummary run)
    {
        var q = run.First;
        string title = $"PVI distribution per portfolio in {q.Quarter}";
        var plot = ChartStyle.New(title, "PVI of the portfolio (0–10)", "% of active partners per 0.5 of PVI");
        var portfolios = q.Children(ByPortfolio);
        // Five portfolios in 0.1-wide buckets are a thicket: 0.5-wide buckets keep each shape readable.
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed, LinePattern.Solid];
        for (int i = 0; i < portfolios.Count; i++)
            Step(plot, Coarser(q.Histogram($"{ByPortfolio}.{portfolios[i]}"), 5), portfolios[i], ChartStyle.Series(i), 0.5, patterns[i % patterns.Length]);
        Thresholds(plot, run.Thresholds);
        Finish(plot);
        return new Chart(PortfoliosId, title,
            $"Each portfolio's PVI across the partners active in {q.Quarter} ({(run.Launch is null ? "the first quarter" : "the launch quarter")}), " +
            "in 0.1-wide buckets. A partner is banded per portfolio; its main portfolio is the one it books most in.", plot);
    }

    public static Chart OverQuarters(RunSummary run)
    {
        var q = run.PerQuarter;
        var cells = new double[101, q.Count];
        for (int c = 0; c < q.Count; c++)
        {
            var h = q[c].Histogram(Main) ?? [];
            double total = h.Sum();
            for (int b = 0; b < Math.Min(101, h.Length); b++) cells[100 - b, c] = total > 0 ? 100 * h[b] / total : 0;
        }
        const string title = "Main-portfolio PVI quarter by quarter";
        var plot = ChartStyle.New(title, "fiscal quarter", "PVI of the partner's main portfolio");
        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Extent = new CoordinateRect(-0.5, q.Count - 0.5, 0, 10.1);
        var bar = plot.Add.ColorBar(map);
        bar.Label = "% of active partners per 0.1 of PVI";
        bar.LabelStyle.FontSize = 14;
        bar.Axis.TickLabelStyle.FontSize = 13;
        Color[] onDark = [Color.FromHex("#dddddd"), Color.FromHex("#ff5a5a"), Color.FromHex("#7CFC00")];
        foreach (var ((value, label, _), color) in ThresholdLines(run.Thresholds).Zip(onDark))
        {
            var line = plot.Add.HorizontalLine(value, 2.5f, color, LinePattern.Dashed);
            line.LegendText = label;
        }
        ChartStyle.QuarterAxis(plot, ChartStyle.Quarters(run));
        plot.Axes.SetLimitsY(0, 10.1);
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        plot.Legend.BackgroundColor = Color.FromHex("#333333");
        plot.Legend.FontColor = Colors.White;
        return new Chart(QuartersId, title,
            "Each column is a quarter's main-portfolio PVI distribution (the colour: share of active partners in the 0.1-wide bucket). " +
            "Dashed lines: the band thresholds.", plot);
    }

    private static void Step(Plot plot, double[]? histogram, string label, Color color, double width = 0.1, LinePattern pattern = default)
    {
        var h = histogram ?? [];
        double total = h.Sum();
        double[] xs = [.. Enumerable.Range(0, h.Length + 1).Select(k => k * width)];
        double[] ys = [.. h.Select(v => total > 0 ? 100 * v / total : 0), total > 0 && h.Length > 0 ? 100 * h[^1] / total : 0];
        var s = plot.Add.Scatter(xs, ys, color);
        s.ConnectStyle = ConnectStyle.StepHorizontal;
        s.LineWidth = 2.5f;
        s.MarkerSize = 0;
        s.LegendText = label;
        s.LinePattern = pattern;
    }

    /// <summary>Buckets merged <paramref name="factor"/> at a time (the last, PVI 10.0, joins the bucket below it).</summary>
    private static double[] Coarser(double[]? histogram, int factor)
    {
        var h = histogram ?? [];
        int buckets = Math.Max(1, (h.Length - 1) / factor);
        var merged = new double[buckets];
        for (int k = 0; k < h.Length; k++) merged[Math.Min(k / factor, buckets - 1)] += h[k];
        return merged;
    }

    private static IEnumerable<(double Value, string Label, Color Color)> ThresholdLines(BandThresholds t) =>
    [
        (t.Registered, $"registered band from PVI {t.Registered:0.##}", ChartStyle.Neutral),
        (t.Partner, $"partner band (CPI) from PVI {t.Partner:0.##}", ChartStyle.Loss),
        (t.Preferred, $"preferred band from PVI {t.Preferred:0.##}", Color.FromHex("#2ca02c")),
    ];

    private static void Thresholds(Plot plot, BandThresholds t)
    {
        foreach (var (value, label, color) in ThresholdLines(t))
        {
            var line = plot.Add.VerticalLine(value, 2, color, LinePattern.Dashed);
            line.LegendText = t.Recorded ? label : label + " (rule book default)";
        }
    }

    private static void Finish(Plot plot)
    {
        var top = plot.GetPlottables<ScottPlot.Plottables.Scatter>().SelectMany(s => s.Data.GetScatterPoints()).Select(p => p.Y).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimits(0, 10.1, 0, top * 1.4);
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
    }
}
