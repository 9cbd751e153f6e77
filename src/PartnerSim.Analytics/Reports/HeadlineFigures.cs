using PartnerSim.Model.Partners;

namespace PartnerSim.Analytics.Reports;

/// <summary>
/// A run's headline, computed once for every report that shows it (summary.json, sweep rows, the console):
/// the pots and shortfalls summed over the quarters from launch, and the fat middle at launch.
/// </summary>
public sealed record HeadlineFigures(
    long CpiAfterLaunchCents, long LegacyAfterLaunchCents, long ShortfallAfterLaunchCents,
    long FatMiddleShortfallAfterLaunchCents, long UnmanagedFatMiddleShortfallAfterLaunchCents,
    long? FatMiddlePartnersAtLaunch, long? FatMiddleLosingAtLaunch, decimal? FatMiddleMedianShortfallAtLaunchUsd,
    long? PartnerPlusAtLaunch, long PartnersLeft)
{
    public static HeadlineFigures Of(RunReport r)
    {
        var after = r.AfterLaunch.ToList();
        var launch = r.LaunchQuarter;
        return new HeadlineFigures(
            after.Sum(q => q.CpiEarnedCents), after.Sum(q => q.LegacyEarnedCents), after.Sum(q => q.ShortfallCents),
            after.Sum(q => q.FatMiddle.ShortfallCents), after.Sum(q => q.UnmanagedFatMiddle.ShortfallCents),
            launch?.FatMiddle.Partners, launch?.FatMiddle.Losing, RunReport.Usd(launch?.FatMiddle.LosingShortfall.Quantile(0.5)),
            launch is null ? null : launch.Bands[(int)Band.Partner] + launch.Bands[(int)Band.Preferred],
            r.Result.PerQuarter.Sum(q => q.Left));
    }
}
