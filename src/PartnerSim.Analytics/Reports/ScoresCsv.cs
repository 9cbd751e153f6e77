using PartnerSim.Analytics.Tables;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Analytics.Reports;

/// <summary>Writes static scores: partner_id, portfolio, pvi, band, then one idx_&lt;metric&gt; column per metric.</summary>
public static class ScoresCsv
{
    public static void Write(TextWriter w, IEnumerable<ScoredRow> rows)
    {
        var table = new Table();
        var id = table.Integer("partner_id", "partner id");
        var portfolio = table.Text("portfolio", "portfolio scored");
        var pvi = table.Figure("pvi", FigureUnit.Pvi, "PVI, two decimals");
        var band = table.Text("band", "band of the PVI");
        var indexes = Metrics.AllMetrics.Select(m => table.Integer("idx_" + Metrics.SnakeName(m), $"IndexAchieved of {m} (0–10)")).ToList();
        foreach (var r in rows)
        {
            id.Add(r.PartnerId);
            portfolio.Add(r.Portfolio.ToString());
            pvi.Add(FigureUnit.Pvi.Written(r.Pvi100));
            band.Add(Names.Camel(r.Band.ToString()));
            for (int m = 0; m < indexes.Count; m++) indexes[m].Add(r.Indexes[m]);
            table.EndRow();
        }
        TableCsv.Write(w, table);
    }
}
