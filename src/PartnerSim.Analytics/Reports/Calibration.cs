namespace PartnerSim.Analytics.Reports;

/// <summary>
/// The rule book's three calibration targets (§5), measured on a finished run: (1) the top 22% of partners
/// book ~90% (±3 points); (2) the median quarterly shortfall of fat-middle partners that lose CPI eligibility
/// in the launch quarter is $50k–70k (the Comstor interview); (3) the CPI pot at least matches the legacy pot
/// in the fourth quarter after launch (Cisco's "will at least match").
/// </summary>
public sealed record Calibration(
    double TopPartnersShare, double TopBookingsShare, double TopBookingsTarget, bool TopBookingsMet,
    decimal? LaunchMedianShortfallUsd, bool? LaunchMedianMet,
    string? MatchQuarter, decimal? CpiToLegacyRatio, bool? PotMatchMet)
{
    public const double TopBookingsTolerance = 0.03;
    public const decimal MedianLowUsd = 50_000, MedianHighUsd = 70_000;
    public const int MatchQuartersAfterLaunch = 4;

    public static Calibration Measure(RunReport r, double topBookingsShareMeasured)
    {
        var o = r.Rules.Options.Population;
        bool topMet = Math.Abs(topBookingsShareMeasured - o.TopBookingsShare) <= TopBookingsTolerance;

        var median = r.Figure("fatMiddle.medianShortfallUsd@launch");
        bool? medianMet = median is null ? null : median >= MedianLowUsd && median <= MedianHighUsd;

        int matchQuarter = r.Rules.Launch + MatchQuartersAfterLaunch;
        bool inRun = matchQuarter >= 0 && matchQuarter < r.Rules.Quarters && r.Rules.IsLaunched(matchQuarter);
        var ratio = inRun ? r.Figure($"cpiRebateUsd/legacyRebateUsd@launch+{MatchQuartersAfterLaunch}") : null;
        return new Calibration(o.TopPartnersShare, topBookingsShareMeasured, o.TopBookingsShare, topMet,
            median, medianMet, inRun ? r.QuarterLabel(matchQuarter) : null, ratio, ratio is null ? null : ratio >= 1);
    }
}
