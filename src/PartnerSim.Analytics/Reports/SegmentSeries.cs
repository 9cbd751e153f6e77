using PartnerSim.Analytics.Tables;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Reports;

/// <summary>
/// The segment table (segments.csv, segments.parquet): per quarter and segment (legacy tier × size × distributor
/// programme × archetype, and every margin, "all" standing for a whole dimension), every segment figure: partners,
/// losing, winners, left and their shares; sums, means and quantiles of PVI, CPI, legacy and shortfall. Segments
/// without partners in a quarter are left out.
/// </summary>
public static class SegmentSeries
{
    public static Table Of(RunReport r)
    {
        var table = new Table();
        var quarter = table.Text("quarter", "fiscal quarter");
        var tier = table.Text("legacy_tier", "legacy tier, or all");
        var size = table.Text("size", "t-shirt size from annual bookings, or all");
        var managed = table.Text("managed_by", "distributor programme, or all");
        var archetype = table.Text("archetype", "archetype, or all");
        var figures = FigureColumns.Segment(QuarterFigures.Set);
        var columns = figures.Select(c => (c, table.Figure(Names.Snake(c.Name), c.Unit, c.Description))).ToList();
        var margins = SegmentMargin.Every().ToList();
        foreach (var q in r.Quarters)
            foreach (var m in margins)
            {
                var totals = q.Segment(m.Member);
                if (totals[QuarterFigures.Partners] == 0) continue;
                quarter.Add(r.QuarterLabel(q.Quarter));
                tier.Add(m.TierName);
                size.Add(m.SizeName);
                managed.Add(m.ManagedByName);
                archetype.Add(m.ArchetypeName);
                foreach (var (figure, column) in columns) column.Add(figure.Read(totals));
                table.EndRow();
            }
        return table;
    }
}
