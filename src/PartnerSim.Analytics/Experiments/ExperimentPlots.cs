using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Statistics;
using PartnerSim.Model.Figures;
using ScottPlot;
using SkiaSharp;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// An experiment's charts (ScottPlot, each as PNG and SVG): per output a tornado of the factors' swings and a response
/// plot per factor, and for a Latin hypercube a scatter matrix of the factors and the outputs.
/// </summary>
public static class ExperimentPlots
{
    public const int MatrixCell = 220;

    /// <summary>Writes every chart of <see cref="ExperimentChart.All"/> into <paramref name="dir"/>, several at a time.</summary>
    public static IReadOnlyList<ExperimentChart> WriteAll(ExperimentResults results, string dir)
    {
        var setup = results.Setup;
        var charts = ExperimentChart.All([.. setup.Outputs.Select(o => o.Name)], [.. setup.Factors.Select(f => f.Key)], setup.Design.Method);
        if (charts.Count > 0) Directory.CreateDirectory(dir);
        Parallel.ForEach(charts, chart =>
        {
            var path = Path.Combine(dir, chart.Id);
            switch (chart.Kind)
            {
                case ExperimentChartKind.Tornado: Tornado(results, chart, path); break;
                case ExperimentChartKind.Response: Response(results, chart, path); break;
                default: ScatterMatrix(results, path); break;
            }
        });
        return charts;
    }

    /// <summary>
    /// One bar per factor from the output's mean where the factor is lowest to its mean where it is highest, the widest
    /// swing on top, around the mean of all design points.
    /// </summary>
    public static void Tornado(ExperimentResults results, ExperimentChart chart, string pathWithoutExtension)
    {
        var o = results.Outputs[chart.Output];
        var order = o.Swings.Where(s => double.IsFinite(s.Swing)).OrderBy(s => Math.Abs(s.Swing)).ToList();
        var (divisor, unit) = Scale(o, order.SelectMany(s => new[] { s.LowMean, s.HighMean }));
        var plot = ChartStyle.New(chart.Title, $"{o.Output.Query}{unit} (blue rises with the factor, red falls)", "");
        var bars = order.Select((s, rank) => new Bar
        {
            Position = rank, ValueBase = s.LowMean / divisor, Value = s.HighMean / divisor, Size = 0.6,
            FillColor = s.Swing >= 0 ? Colors.SteelBlue : Colors.IndianRed,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var overall = o.Points.Select(p => p.Mean).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        if (double.IsFinite(overall)) plot.Add.VerticalLine(overall / divisor, pattern: LinePattern.Dashed);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            order.Select((_, rank) => (double)rank).ToArray(), order.Select(s => results.Setup.Factors[s.Factor].Key).ToArray());
        Save(plot, pathWithoutExtension, ChartStyle.Width, Math.Max(ChartStyle.Height, 120 + 60 * order.Count));
    }

    /// <summary>The output's mean at each design point against one factor's value, with the points' 95% intervals.</summary>
    public static void Response(ExperimentResults results, ExperimentChart chart, string pathWithoutExtension)
    {
        var o = results.Outputs[chart.Output];
        var f = results.Setup.Factors[chart.Factor];
        var points = results.Setup.Design.Points;
        var shown = o.Points.Where(p => double.IsFinite(p.Mean)).ToList();
        var (divisor, unit) = Scale(o, shown.Select(p => p.Mean));
        double[] xs = shown.Select(p => f.Number(points[p.Point][chart.Factor])).ToArray();
        double[] ys = shown.Select(p => p.Mean / divisor).ToArray();
        var plot = ChartStyle.New(chart.Title,
            f.Key + (f.Factor.Scale == FactorScale.LogUniform && !f.Factor.IsDiscrete ? " (log-uniform)" : ""),
            $"{o.Output.Query}{unit}, mean of {results.Setup.Replicates} replicate(s)");
        plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 6, Colors.SteelBlue);
        if (shown.Any(p => p.Interval is not null))
        {
            var bars = plot.Add.ErrorBar(xs, ys, shown.Select(p => (p.Interval?.HalfWidth ?? 0) / divisor).ToArray());
            bars.Color = Colors.SteelBlue.WithAlpha(0.5);
        }
        if (f.Factor.Levels is { } levels && levels.Count <= 20)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(levels.ToArray(), levels.Select(f.Label).ToArray());
        Save(plot, pathWithoutExtension, ChartStyle.Width, ChartStyle.Height);
    }

    /// <summary>
    /// Every pair of the factors and the outputs' design-point means: the factor × factor cells show the hypercube's
    /// even cover, the factor × output cells each factor's effect, the output × output cells how the outputs move together.
    /// </summary>
    public static void ScatterMatrix(ExperimentResults results, string pathWithoutExtension)
    {
        var setup = results.Setup;
        var columns = setup.Factors.Select((f, j) => (Name: f.Key, Values: setup.Design.Points.Select(u => f.Number(u[j])).ToArray()))
            .Concat(results.Outputs.Select(o => (Name: o.Output.Name, Values: o.Points.Select(p => p.Mean).ToArray())))
            .ToList();
        int n = columns.Count;
        var multiplot = new Multiplot();
        while (multiplot.Count() > 0) multiplot.RemovePlot(multiplot.GetPlot(0)); // it starts with one plot
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(n, n);
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                var plot = multiplot.AddPlot();
                plot.Font.Set(ChartStyle.Font);
                if (row == col)
                {
                    plot.Add.Text(columns[row].Name, 0.5, 0.5).Alignment = Alignment.MiddleCenter;
                    plot.HideAxesAndGrid();
                    continue;
                }
                plot.Add.Markers(columns[col].Values, columns[row].Values, MarkerShape.FilledCircle, 3, Colors.SteelBlue);
                plot.Axes.Bottom.Label.Text = row == n - 1 ? columns[col].Name : "";
                plot.Axes.Left.Label.Text = col == 0 ? columns[row].Name : "";
                plot.Axes.Bottom.Label.FontSize = plot.Axes.Left.Label.FontSize = 11;
            }
        }
        int size = MatrixCell * n;
        multiplot.SavePng(pathWithoutExtension + ".png", size, size);
        using var svg = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, size, size), svg))
            multiplot.Render(canvas, new PixelRect(0, size, size, 0));
        File.WriteAllText(pathWithoutExtension + ".svg", DrawnChart.ClipPathsNumberedFromOne(System.Text.Encoding.UTF8.GetString(svg.ToArray())));
    }

    /// <summary>Money in a unit that fits the values ($k, $M, …); other figures as they are.</summary>
    private static (double Divisor, string Unit) Scale(OutputResults o, IEnumerable<double> values)
    {
        if (o.Output.Unit != FigureUnit.Usd) return (1, "");
        var (divisor, unit) = ChartStyle.MoneyScale(values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max());
        return (divisor, $" ({unit})");
    }

    private static void Save(Plot plot, string pathWithoutExtension, int width, int height)
    {
        plot.SavePng(pathWithoutExtension + ".png", width, height);
        File.WriteAllText(pathWithoutExtension + ".svg", DrawnChart.ClipPathsNumberedFromOne(plot.GetSvgXml(width, height)));
    }
}
