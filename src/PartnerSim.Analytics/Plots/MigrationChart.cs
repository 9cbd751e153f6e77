using System.Globalization;
using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>
/// Band migration as a heat map: each legacy tier (rows) split by the Cisco 360 effective band of its partners' main
/// portfolio (columns), coloured by the share of the tier, at launch or at the end.
/// </summary>
public static class MigrationChart
{
    public const string LaunchId = "migration-launch", EndId = "migration-end";

    public static Chart Of(RunSummary run, QuarterRecord quarter, string id, string moment)
    {
        var table = MigrationTable.Of(quarter);
        int rows = table.Tiers.Count, cols = table.Bands.Count;
        var shares = new double[rows, cols];
        // Heat map rows are drawn from the top: the highest tier (last) goes first.
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                shares[rows - 1 - r, c] = 100 * table.Share(r, c);
        string title = $"Band migration {moment} ({quarter.Quarter}): legacy tier → Cisco 360 band";
        var plot = ChartStyle.New(title, "Cisco 360 effective band of the main portfolio", "legacy tier");
        var map = plot.Add.Heatmap(shares);
        map.Colormap = new DarkerWhenLarger();
        map.ManualRange = new ScottPlot.Range(0, 100);
        map.CellAlignment = Alignment.MiddleCenter;
        var bar = plot.Add.ColorBar(map);
        bar.Label = "% of the legacy tier's partners";
        bar.LabelStyle.FontSize = 14;
        bar.Axis.TickLabelStyle.FontSize = 13;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                var share = 100 * table.Share(r, c);
                var text = plot.Add.Text($"{table.Count(r, c).ToString("N0", CultureInfo.InvariantCulture)}\n{share:0}%", c, r);
                text.LabelFontSize = 15;
                text.LabelFontColor = share > 55 ? Colors.White : Colors.Black;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        plot.Axes.Bottom.SetTicks(ChartStyle.Positions(cols), [.. table.Bands]);
        plot.Axes.Left.SetTicks(ChartStyle.Positions(rows), [.. table.Tiers.Select((t, r) => $"{char.ToUpperInvariant(t[0])}{t[1..]} ({table.TierTotal(r):N0})")]);
        plot.Axes.SetLimits(-0.5, cols - 0.5, -0.5, rows - 0.5);
        plot.HideGrid();
        return new Chart(id, title,
            $"Partners active in {quarter.Quarter} by their legacy tier and the effective band (high-water mark and grace included) of their " +
            "main portfolio. Each cell: partners and the share of their tier; the partner band and above earn CPI.", plot);
    }

    /// <summary>Blues with the largest shares darkest, so the eye goes to where a tier's partners are.</summary>
    private sealed class DarkerWhenLarger : IColormap
    {
        private readonly ScottPlot.Colormaps.Blues _blues = new();
        public string Name => "Blues, reversed";
        public Color GetColor(double position) => _blues.GetColor(1 - position);
    }
}
