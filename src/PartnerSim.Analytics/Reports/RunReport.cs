using PartnerSim.Model.Engine;

namespace PartnerSim.Analytics.Reports;

/// <summary>A finished run with what reporting needs to describe it.</summary>
/// <param name="TopBookingsShare">Share of run-start bookings held by the top <c>topPartnersShare</c> of partners.</param>
public sealed record RunReport(RuleBook Rules, RunResult Result, string Engine, double ElapsedSeconds, double TopBookingsShare)
{
    public long PartnerQuarters => (long)Result.Partners * Rules.Quarters;

    public string QuarterLabel(int q) => Rules.QuarterAt(q).ToString();

    /// <summary>The quarters from launch on (empty for a legacy-only run).</summary>
    public IEnumerable<QuarterStats> AfterLaunch => Result.PerQuarter.Where(s => Rules.IsLaunched(s.Quarter));

    public QuarterStats? LaunchQuarter => Result.PerQuarter.FirstOrDefault(s => s.Quarter == Rules.Launch);

    public Calibration Calibration => Calibration.Measure(this, TopBookingsShare);

    public HeadlineFigures Headline => HeadlineFigures.Of(this);

    public static decimal Usd(long cents) => cents / 100m;

    /// <summary>A sketch quantile (cents) as USD to the cent; null when no partner is in it.</summary>
    public static decimal? Usd(double? cents) => cents is null ? null : Math.Round((decimal)cents.Value / 100m, 2);
}
