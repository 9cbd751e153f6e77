using System.Globalization;
namespace PartnerSim.Analytics.Reports;

/// <summary>
/// One row per sweep variant: the values it set, its seed and digest, and the headline figures of its run, so
/// a designer can pivot the outcome over the grid in any spreadsheet.
/// </summary>
public static class SweepCsv
{
    public static readonly string[] Figures =
    [
        "cpi_after_launch_usd", "legacy_after_launch_usd", "shortfall_after_launch_usd",
        "fat_middle_shortfall_after_launch_usd", "unmanaged_fat_middle_shortfall_after_launch_usd",
        "fat_middle_losing_at_launch", "fat_middle_median_shortfall_at_launch_usd", "partner_plus_at_launch",
        "partners_left", "cpi_to_legacy_4q_after_launch",
    ];

    public static void WriteHeader(TextWriter w, IEnumerable<string> keys) =>
        w.WriteLine(string.Join(',', keys.Concat(["seed", "digest"]).Concat(Figures)));

    public static void WriteRow(TextWriter w, IEnumerable<string> values, RunReport r)
    {
        var h = r.Headline;
        object?[] figures =
        [
            RunReport.Usd(h.CpiAfterLaunchCents), RunReport.Usd(h.LegacyAfterLaunchCents), RunReport.Usd(h.ShortfallAfterLaunchCents),
            RunReport.Usd(h.FatMiddleShortfallAfterLaunchCents), RunReport.Usd(h.UnmanagedFatMiddleShortfallAfterLaunchCents),
            h.FatMiddleLosingAtLaunch, h.FatMiddleMedianShortfallAtLaunchUsd, h.PartnerPlusAtLaunch, h.PartnersLeft,
            r.Calibration.CpiToLegacyRatio is { } ratio ? Math.Round(ratio, 4) : null,
        ];
        var cells = values.Select(Quote)
            .Concat([r.Rules.Options.Run.Seed.ToString(CultureInfo.InvariantCulture), r.Result.Digest])
            .Concat(figures.Select(f => f is IFormattable x ? x.ToString(null, CultureInfo.InvariantCulture) : ""));
        w.WriteLine(string.Join(',', cells));
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
