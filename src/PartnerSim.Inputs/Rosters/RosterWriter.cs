using System.Globalization;
using PartnerSim.Model.Partners;

namespace PartnerSim.Inputs.Rosters;

/// <summary>
/// Writes partners as a roster with every column, doubles in round-trip form, so that a designer can edit the
/// file and load it back; unedited, it loads to the very same partners (same digest).
/// </summary>
public static class RosterWriter
{
    public static void WriteHeader(TextWriter w) =>
        w.WriteLine(string.Join(',', RosterColumns.Required.Concat(RosterColumns.Optional)));

    public static void WriteRow(TextWriter w, PartnerState s)
    {
        int[] byAge = s.BlackBeltHalfPoints.ToArray();
        int halfPoints = byAge.Sum();
        int ages = Array.FindLastIndex(byAge, h => h != 0) + 1;
        string[] cells =
        [
            I(s.Id), D(s.AnnualBookingsUsd), D(s.GrowthPct), s.LegacyTier.ToString(), s.LegacyProvider.ToString(),
            s.Archetype.ToString(), s.ManagedBy.ToString(), I(s.Employees), s.Cspm.ToString(), s.Mspm.ToString(),
            D(halfPoints / 2.0), I(s.CareerCerts), I(s.MerakiCerts), D(s.BuyingProgramPct), D(s.OnboardPct), D(s.AdoptPct),
            s.MerakiRegistered ? "true" : "false", D(s.AapPct), D(s.AiBookingsPct), D(s.PremiumServicesPct), D(s.OtrrPct),
            I(s.PoweredServices), D(s.AcvGrowthPct), D(s.TcvGrowthPct),
            .. s.PortfolioShare.ToArray().Select(D),
            string.Join(';', byAge.Take(ages).Select(h => D(h / 2.0))),
        ];
        w.WriteLine(string.Join(',', cells));
    }

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
