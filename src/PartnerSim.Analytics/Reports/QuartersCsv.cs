using System.Globalization;

namespace PartnerSim.Analytics.Reports;

/// <summary>One row per quarter, for spreadsheets and plotting tools: the headline series of summary.json.</summary>
public static class QuartersCsv
{
    public static void Write(TextWriter w, RunReport r)
    {
        w.WriteLine("quarter,regime,active,left,aware,none,registered,partner,preferred,cpi_rebate_usd,legacy_rebate_usd," +
                    "shortfall_usd,cpi_paid_usd,legacy_paid_usd,losing,missed_payments,fat_middle_partners,fat_middle_losing," +
                    "fat_middle_shortfall_usd,fat_middle_median_shortfall_usd,unmanaged_fat_middle_shortfall_usd");
        foreach (var q in r.Result.PerQuarter)
        {
            var fm = q.FatMiddle;
            object?[] cells =
            [
                r.QuarterLabel(q.Quarter), r.Rules.IsLaunched(q.Quarter) ? "cisco360" : "legacy", q.Active, q.Left, q.Aware,
                q.Bands[0], q.Bands[1], q.Bands[2], q.Bands[3],
                RunReport.Usd(q.CpiEarnedCents), RunReport.Usd(q.LegacyEarnedCents), RunReport.Usd(q.ShortfallCents),
                RunReport.Usd(q.CpiPaidCents), RunReport.Usd(q.LegacyPaidCents), q.Losing, q.MissedPayments,
                fm.Partners, fm.Losing, RunReport.Usd(fm.ShortfallCents), RunReport.Usd(fm.LosingShortfall.Quantile(0.5)),
                RunReport.Usd(q.UnmanagedFatMiddle.ShortfallCents),
            ];
            w.WriteLine(string.Join(',', cells.Select(c => c is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : c?.ToString() ?? "")));
        }
    }
}
