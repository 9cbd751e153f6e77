using System.Text.Json.Serialization;

namespace PartnerSim.Analytics.Reports;

/// <summary>
/// One quarter of a run as a flat row: the headline series of summary.json, for spreadsheets (CSV) and data
/// frames (Parquet). Column names are the snake_case JSON names.
/// </summary>
public sealed class QuarterRow
{
    [JsonPropertyName("quarter")] public string Quarter { get; set; } = "";
    [JsonPropertyName("regime")] public string Regime { get; set; } = "";
    [JsonPropertyName("active")] public long Active { get; set; }
    [JsonPropertyName("left")] public long Left { get; set; }
    [JsonPropertyName("aware")] public long Aware { get; set; }
    [JsonPropertyName("none")] public long None { get; set; }
    [JsonPropertyName("registered")] public long Registered { get; set; }
    [JsonPropertyName("partner")] public long Partner { get; set; }
    [JsonPropertyName("preferred")] public long Preferred { get; set; }
    [JsonPropertyName("cpi_rebate_usd")] public decimal CpiRebateUsd { get; set; }
    [JsonPropertyName("legacy_rebate_usd")] public decimal LegacyRebateUsd { get; set; }
    [JsonPropertyName("shortfall_usd")] public decimal ShortfallUsd { get; set; }
    [JsonPropertyName("cpi_paid_usd")] public decimal CpiPaidUsd { get; set; }
    [JsonPropertyName("legacy_paid_usd")] public decimal LegacyPaidUsd { get; set; }
    [JsonPropertyName("losing")] public long Losing { get; set; }
    [JsonPropertyName("missed_payments")] public long MissedPayments { get; set; }
    [JsonPropertyName("fat_middle_partners")] public long FatMiddlePartners { get; set; }
    [JsonPropertyName("fat_middle_losing")] public long FatMiddleLosing { get; set; }
    [JsonPropertyName("fat_middle_shortfall_usd")] public decimal FatMiddleShortfallUsd { get; set; }
    [JsonPropertyName("fat_middle_median_shortfall_usd")] public decimal? FatMiddleMedianShortfallUsd { get; set; }
    [JsonPropertyName("unmanaged_fat_middle_shortfall_usd")] public decimal UnmanagedFatMiddleShortfallUsd { get; set; }

    public static IReadOnlyList<QuarterRow> Of(RunReport r) => r.Result.PerQuarter.Select(q => new QuarterRow
    {
        Quarter = r.QuarterLabel(q.Quarter),
        Regime = r.Rules.IsLaunched(q.Quarter) ? "cisco360" : "legacy",
        Active = q.Active, Left = q.Left, Aware = q.Aware,
        None = q.Bands[0], Registered = q.Bands[1], Partner = q.Bands[2], Preferred = q.Bands[3],
        CpiRebateUsd = RunReport.Usd(q.CpiEarnedCents), LegacyRebateUsd = RunReport.Usd(q.LegacyEarnedCents),
        ShortfallUsd = RunReport.Usd(q.ShortfallCents),
        CpiPaidUsd = RunReport.Usd(q.CpiPaidCents), LegacyPaidUsd = RunReport.Usd(q.LegacyPaidCents),
        Losing = q.Losing, MissedPayments = q.MissedPayments,
        FatMiddlePartners = q.FatMiddle.Partners, FatMiddleLosing = q.FatMiddle.Losing,
        FatMiddleShortfallUsd = RunReport.Usd(q.FatMiddle.ShortfallCents),
        FatMiddleMedianShortfallUsd = RunReport.Usd(q.FatMiddle.LosingShortfall.Quantile(0.5)),
        UnmanagedFatMiddleShortfallUsd = RunReport.Usd(q.UnmanagedFatMiddle.ShortfallCents),
    }).ToList();
}
