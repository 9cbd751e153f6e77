using PartnerSim.Analytics.Statistics;
using ScottPlot;
using SkiaSharp;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// An experiment's charts (ScottPlot, each as PNG and SVG): per output a tornado of the factors' swings and a response
/// plot per factor, and for a Latin hypercube a scatter matrix of the factors and the outputs.
/// </summary>
public static class ExperimentPlots
{
    public const int Width = 900, Height = 500, MatrixCell = 220;

    /// <summary>Writes every chart into <paramref name="dir"/>; returns the files' names without extension.</summary>
    public static IReadOnlyList<string> WriteAll(ExperimentResults results, string dir)
    {
        var names = new List<string>();
        if (results.Setup.Factors.Count > 0) Directory.CreateDirectory(dir);
        for (int o = 0; o < results.Outputs.Count; o++)
        {
            var output = results.Outputs[o].Output.Name;
            if (results.Setup.Factors.Count > 0)
            {
                names.Add($"tornado-{output}");
                Tornado(results, o, Path.Combine(dir, names[^1]));
            }
            for (int j = 0; j < results.Setup.Factors.Count; j++)
            {
                names.Add($"response-{output}-{results.Setup.Factors[j].Key}");
                Response(results, o, j, Path.Combine(dir, names[^1]));
            }
        }
        if (results.Setup.Design.Method == "lhs")
        {
            names.Add("scatter-matrix");
            ScatterMatrix(results, Path.Combine(dir, names[^1]));
        }
        return names;
    }

    /// <summary>
    /// One bar per factor from the output's mean where the factor is lowest to its mean where it is highest, the widest
    /// swing on top, around the mean of all design points.
    /// </summary>
    public static void Tornado(ExperimentResults results, int output, string pathWithoutExtension)
    {
        var o = results.Outputs[output];
        var order = o.Swings.Where(s => double.IsFinite(s.Swing)).OrderBy(s => Math.Abs(s.Swing)).ToList();
        var plot = new Plot();
        var bars = order.Select((s, rank) => new Bar
        {
            Position = rank, ValueBase = s.LowMean, Value = s.HighMean, Size = 0.6,
            FillColor = s.Swing >= 0 ? Colors.SteelBlue : Colors.IndianRed,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var overall = o.Points.Select(p => p.Mean).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        if (double.IsFinite(overall)) plot.Add.VerticalLine(overall, pattern: LinePattern.Dashed);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            order.Select((_, rank) => (double)rank).ToArray(), order.Select(s => results.Setup.Factors[s.Factor].Key).ToArray());
        plot.Title($"{o.Output.Name}: each factor from its lowest values to its highest");
        plot.XLabel($"{o.Output.Query} (blue rises with the factor, red falls)");
        Save(plot, pathWithoutExtension, Width, Math.Max(Height, 120 + 60 * order.Count));
    }

    /// <summary>The output's mean at each design point against one factor's value, with the points' 95% intervals.</summary>
    public static void Response(ExperimentResults results, int output, int factor, string pathWithoutExtension)
    {
        var o = results.Outputs[output];
        var f = results.Setup.Factors[factor];
        var points = results.Setup.Design.Points;
        var shown = o.Points.Where(p => double.IsFinite(p.Mean)).ToList();
        double[] xs = shown.Select(p => f.Number(points[p.Point][factor])).ToArray();
        double[] ys = shown.Select(p => p.Mean).ToArray();
        var plot = new Plot();
        plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 6, Colors.SteelBlue);
        if (shown.Any(p => p.Interval is not null))
        {
            var bars = plot.Add.ErrorBar(xs, ys, shown.Select(p => p.Interval?.HalfWidth ?? 0).ToArray());
            bars.Color = Colors.SteelBlue.WithAlpha(0.5);
        }
        if (f.Factor.Levels is { } levels && levels.Count <= 20)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(levels.ToArray(), levels.Select(f.Label).ToArray());
        plot.Title($"{o.Output.Name} against {f.Key}");
        plot.XLabel(f.Key + (f.Factor.Scale == FactorScale.LogUniform && !f.Factor.IsDiscrete ? " (log-uniform)" : ""));
        plot.YLabel($"{o.Output.Query}, mean of {results.Setup.Replicates} replicate(s)");
        Save(plot, pathWithoutExtension, Width, Height);
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
        using var stream = File.Create(pathWithoutExtension + ".svg");
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, size, size), stream))
            multiplot.Render(canvas, new PixelRect(0, size, size, 0));
    }

    private static void Save(Plot plot, string pathWithoutExtension, int width, int height)
    {
        plot.SavePng(pathWithoutExtension + ".png", width, height);
        plot.SaveSvg(pathWithoutExtension + ".svg", width, height);
    }
}
