using PartnerSim.Analytics.Tables;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// The deltas as tables for spreadsheets: every quarter figure (long: quarter, figure, a, b, delta), every segment
/// figure (wide: a row per quarter and segment, a, b and delta per figure), and the paired partner counts per quarter.
/// With replicates each delta also has its 95% interval (delta_low, delta_high).
/// </summary>
public static class CompareTables
{
    public const string QuarterFile = "quarter-deltas.csv", SegmentFile = "segment-deltas.csv", PartnerFile = "partner-differences.csv";

    public static Table Quarters(RunComparison c)
    {
        var table = new Table();
        var quarter = table.Text("quarter", "fiscal quarter");
        var figure = table.Text("figure", "the figure's dotted name in summary.json");
        var values = Values(table, c.HasIntervals, "");
        foreach (var q in c.Quarters)
            foreach (var f in q.Figures)
            {
                quarter.Add(q.Quarter);
                figure.Add(f.Name);
                values.Add(f);
                table.EndRow();
            }
        return table;
    }

    public static Table Segments(RunComparison c)
    {
        var s = c.Segments;
        var table = new Table();
        var quarter = table.Text("quarter", "fiscal quarter");
        var tier = table.Text("legacy_tier", "legacy tier, or all");
        var size = table.Text("size", "t-shirt size, or all");
        var managed = table.Text("managed_by", "distributor programme, or all");
        var archetype = table.Text("archetype", "archetype, or all");
        var columns = s.Figures.Select(f => Values(table, c.HasIntervals, f + "_")).ToList();
        foreach (var key in s.Keys)
        {
            quarter.Add(key.Quarter);
            tier.Add(key.LegacyTier);
            size.Add(key.Size);
            managed.Add(key.ManagedBy);
            archetype.Add(key.Archetype);
            var row = s.Row(key);
            for (int i = 0; i < columns.Count; i++) columns[i].Add(row[i]);
            table.EndRow();
        }
        return table;
    }

    public static Table Partners(PartnerDifferences p)
    {
        var table = new Table();
        var quarter = table.Text("quarter", "fiscal quarter");
        var paired = table.Integer("paired", "partners in both runs' detail");
        var onlyA = table.Integer("only_in_a", "partners only in A's detail");
        var onlyB = table.Integer("only_in_b", "partners only in B's detail");
        var band = table.Integer("main_band_differs", "paired partners whose main portfolio's effective band differs");
        var up = table.Integer("main_band_higher_in_b", "of those, partners whose band is higher in B");
        var paid = table.Integer("cpi_paid_differs", "paired partners whose CPI paid differs");
        var delta = table.Figure("cpi_paid_delta_usd", FigureUnit.Usd, "CPI paid, B minus A, summed over the paired partners");
        foreach (var q in p.Quarters)
        {
            quarter.Add(q.Quarter);
            paired.Add(q.Paired);
            onlyA.Add(q.OnlyInA);
            onlyB.Add(q.OnlyInB);
            band.Add(q.BandDiffers);
            up.Add(q.BandHigherInB);
            paid.Add(q.CpiPaidDiffers);
            delta.Add(Exact(q.CpiPaidDeltaUsd));
            table.EndRow();
        }
        return table;
    }

    private static DeltaColumns Values(Table table, bool intervals, string prefix) => new(
        table.Figure(prefix + "a", FigureUnit.Ratio, "value in A (mean over A's runs)"),
        table.Figure(prefix + "b", FigureUnit.Ratio, "value in B (mean over B's runs)"),
        table.Figure(prefix + "delta", FigureUnit.Ratio, "B minus A"),
        intervals ? table.Figure(prefix + "delta_low", FigureUnit.Ratio, "lower end of the delta's 95% confidence interval") : null,
        intervals ? table.Figure(prefix + "delta_high", FigureUnit.Ratio, "upper end of the delta's 95% confidence interval") : null);

    /// <summary>A double as the decimal it stands for (15 significant digits: money stays exact to the cent).</summary>
    internal static decimal? Exact(double? value) => value is { } v && double.IsFinite(v) ? (decimal)v : null;

    private sealed record DeltaColumns(TableColumn<decimal?> A, TableColumn<decimal?> B, TableColumn<decimal?> Delta,
        TableColumn<decimal?>? Low, TableColumn<decimal?>? High)
    {
        public void Add(FigureDelta f)
        {
            A.Add(Exact(f.A));
            B.Add(Exact(f.B));
            Delta.Add(Exact(f.Delta));
            Low?.Add(Exact(f.Low));
            High?.Add(Exact(f.High));
        }
    }
}
