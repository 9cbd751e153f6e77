using System.Globalization;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Analytics.Reports;

/// <summary>Writes static scores: partner_id, portfolio, pvi, band, then one idx_&lt;metric&gt; column per metric.</summary>
public static class ScoresCsv
{
    public static int Write(TextWriter w, IEnumerable<ScoredRow> rows)
    {
        w.WriteLine(string.Join(',', new[] { "partner_id", "portfolio", "pvi", "band" }
            .Concat(Metrics.AllMetrics.Select(m => "idx_" + Metrics.SnakeName(m)))));
        int n = 0;
        foreach (var r in rows)
        {
            w.Write(r.PartnerId.ToString(CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(r.Portfolio.ToString());
            w.Write(',');
            w.Write((r.Pvi100 / 100m).ToString("0.00", CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(r.Band.ToString().ToLowerInvariant());
            foreach (var i in r.Indexes) { w.Write(','); w.Write(i.ToString(CultureInfo.InvariantCulture)); }
            w.WriteLine();
            n++;
        }
        return n;
    }
}
