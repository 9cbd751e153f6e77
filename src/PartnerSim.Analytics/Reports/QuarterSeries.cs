using PartnerSim.Analytics.Tables;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Reports;

/// <summary>
/// The quarter series (quarters.csv, quarters.parquet): one row per quarter, one column per population figure and
/// per figure of the fat middle and its unmanaged part, named as in summary.json in snake_case
/// (<c>fat_middle_losing</c>).
/// </summary>
public static class QuarterSeries
{
    public static Table Of(RunReport r)
    {
        var table = new Table();
        var quarter = table.Text("quarter", "fiscal quarter");
        var regime = table.Text("regime", "which rules paid: legacy or cisco360");
        var grace = table.Flag("grace", "a grace quarter of Cisco 360");
        var columns = r.Table.TableColumns.Select(c => (c, table.Figure(Names.Snake(c.Name), c.Unit, c.Description))).ToList();
        foreach (var q in r.Quarters)
        {
            quarter.Add(r.QuarterLabel(q.Quarter));
            regime.Add(r.Regime(q.Quarter));
            grace.Add(r.Rules.InGrace(q.Quarter));
            foreach (var (figure, column) in columns) column.Add(figure.Read(q));
            table.EndRow();
        }
        return table;
    }
}
