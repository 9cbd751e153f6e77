using System.Globalization;
using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>Lorenz curves of CPI earned and of the legacy counterfactual, at launch and at the end, with their Gini.</summary>
public static class LorenzChart
{
    public const string Id = "lorenz";

    public static Chart Of(RunSummary run)
    {
        const string title = "How unequally the rebates are spread: Lorenz curves";
        var plot = ChartStyle.New(title, "share of active partners, from the smallest earner (%)", "share of the quarter's rebate they earn (%)");
        var equality = plot.Add.Scatter(new double[] { 0, 100 }, new double[] { 0, 100 }, Colors.Gray);
        equality.LegendText = "perfect equality";
        equality.LinePattern = LinePattern.Dashed;
        equality.MarkerSize = 0;
        var moments = run.End == run.First ? new[] { run.First } : new[] { run.First, run.End };
        foreach (var (measure, label, color) in new[] { ("cpiRebate", "CPI earned", ChartStyle.Cpi), ("legacyRebate", "legacy counterfactual", ChartStyle.Legacy) })
            for (int m = 0; m < moments.Length; m++)
            {
                var curve = moments[m].Curve($"inequality.{measure}.lorenz");
                if (curve is null || curve.Length == 0) continue;
                var gini = moments[m][$"inequality.{measure}.gini"];
                var line = ChartStyle.Line(plot, [.. curve.Select(p => 100 * p.X)], [.. curve.Select(p => 100 * p.Y)],
                    $"{label}, {moments[m].Quarter} (Gini {(gini is { } g ? g.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")})",
                    color, m == 0 ? LinePattern.Solid : LinePattern.Dashed, MarkerShape.None, 3);
            }
        plot.Axes.SetLimits(0, 100, 0, 100);
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        return new Chart(Id, title,
            "Partners active in the quarter sorted by what they earn: the curve gives the share of the quarter's total held by the " +
            "smallest earners. The further below the diagonal, the more unequal; the Gini coefficient is twice the area between.", plot);
    }
}
