using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>
/// What every chart shares: its size, text large enough to read at that size, a quarter axis labelled with fiscal
/// quarters, the launch and grace quarters marked, and money scaled to a unit that fits the values.
/// </summary>
public static class ChartStyle
{
    public const int Width = 1000, Height = 560;
    private const float TitleSize = 20, LabelSize = 16, TickSize = 14, LegendSize = 14;

    public static readonly Color Cpi = Color.FromHex("#1f77b4"), Legacy = Color.FromHex("#ff7f0e"), Loss = Color.FromHex("#d62728"),
        Unmanaged = Color.FromHex("#7b3294"), Neutral = Color.FromHex("#555555"), GraceFill = Color.FromHex("#2ca02c").WithAlpha(0.10);

    /// <summary>One colour per legacy tier, band, archetype or run side, in declaration order.</summary>
    public static Color Series(int i) => new ScottPlot.Palettes.Category10().GetColor(i);

    // ScottPlot's own choice of sans font falls back to a serif one on machines without its first pick.
    private static readonly Lazy<string> s_font = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }.FirstOrDefault(f => Fonts.GetTypeface(f, false, false)?.FamilyName == f) ?? Fonts.Sans);

    /// <summary>The sans font every chart is set in.</summary>
    public static string Font => s_font.Value;

    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(s_font.Value);
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TickSize;
            axis.Label.FontSize = LabelSize;
        }
        plot.Legend.FontSize = LegendSize;
        return plot;
    }

    /// <summary>Styles an extra axis (a right-hand one) like the others.</summary>
    public static void Style(IAxis axis, string label)
    {
        axis.Label.Text = label;
        axis.Label.FontSize = LabelSize;
        axis.TickLabelStyle.FontSize = TickSize;
    }

    public static void ShowLegend(Plot plot, Alignment where = Alignment.UpperLeft)
    {
        plot.ShowLegend(where);
        plot.Legend.FontSize = LegendSize;
    }

    /// <summary>Quarters 0..n-1 on the x axis, labelled FY26Q1, FY26Q2, …</summary>
    public static void QuarterAxis(Plot plot, IReadOnlyList<string> quarters)
    {
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, quarters.Count).Select(i => (double)i)], [.. quarters]);
        plot.Axes.SetLimitsX(-0.6, quarters.Count - 0.4);
    }

    /// <summary>Shades the grace quarters and marks the launch, each with a legend entry.</summary>
    public static void MarkLaunch(Plot plot, RunSummary run)
    {
        var quarters = run.PerQuarter;
        var grace = Enumerable.Range(0, quarters.Count).Where(i => quarters[i].Grace).ToList();
        if (grace.Count > 0)
        {
            var span = plot.Add.HorizontalSpan(grace[0] - 0.5, grace[^1] + 0.5, GraceFill);
            span.LegendText = grace.Count == 1 ? $"grace quarter ({quarters[grace[0]].Quarter})" : $"grace quarters ({quarters[grace[0]].Quarter}–{quarters[grace[^1]].Quarter})";
            span.LineWidth = 0;
            plot.MoveToBack(span);
        }
        int launch = Index(run, run.Launch);
        if (launch > 0)
        {
            var line = plot.Add.VerticalLine(launch - 0.5, 1.5f, Neutral, LinePattern.Dashed);
            line.LegendText = $"Cisco 360 launches ({run.Launch})";
        }
    }

    public static int Index(RunSummary run, string? quarter) =>
        quarter is null ? -1 : run.PerQuarter.Select(q => q.Quarter).ToList().IndexOf(quarter);

    public static string[] Quarters(RunSummary run) => [.. run.PerQuarter.Select(q => q.Quarter)];

    /// <summary>A unit for dollar amounts up to <paramref name="largest"/>: its divisor and its label ($, $k, $M, $B).</summary>
    public static (double Divisor, string Unit) MoneyScale(double largest) => Math.Abs(largest) switch
    {
        >= 5e9 => (1e9, "$B"),
        >= 5e6 => (1e6, "$M"),
        >= 5e3 => (1e3, "$k"),
        _ => (1, "$"),
    };

    /// <summary>A line with markers. On a dashed line give open markers: Skia's SVG writer cannot fill a shape with
    /// the line's dash still set (it says "Unsupported path effect").</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string label, Color color,
        LinePattern pattern = default, MarkerShape marker = MarkerShape.FilledCircle, float width = 2.5f)
    {
        var s = plot.Add.Scatter(xs, ys, color);
        s.LegendText = label;
        s.LineWidth = width;
        s.LinePattern = pattern;
        s.MarkerShape = marker;
        s.MarkerSize = marker == MarkerShape.None ? 0 : 8;
        return s;
    }

    public static double[] Positions(int count) => [.. Enumerable.Range(0, count).Select(i => (double)i)];
}
