using System.Globalization;
using nietras.SeparatedValues;
using PartnerSim.Model.Partners;

namespace PartnerSim.Inputs.Rosters;

/// <summary>
/// Writes partners as a roster (RFC 4180, through Sep, the library that reads it back) with every column,
/// doubles in round-trip form, so that a designer can edit the file and load it back; unedited, it loads to the
/// very same partners (same digest).
/// </summary>
public static class RosterWriter
{
    private static readonly string[] Columns = [.. RosterColumns.Required, .. RosterColumns.Optional];

    /// <summary>The header, then one row per partner as the sequence yields it (it may be generated lazily).</summary>
    public static void Write(TextWriter w, IEnumerable<PartnerState> partners)
    {
        using var csv = Sep.New(',').Writer(o => o with { Escape = true }).To(w, leaveOpen: true);
        csv.Header.Add(Columns);
        csv.Header.Write(); // an empty roster still names its columns
        foreach (var s in partners)
        {
            using var row = csv.NewRow();
            row[Columns].Set(Cells(s));
        }
    }

    private static string[] Cells(PartnerState s)
    {
        int[] byAge = s.BlackBeltHalfPoints.ToArray();
        int halfPoints = byAge.Sum();
        int ages = Array.FindLastIndex(byAge, h => h != 0) + 1;
        return
        [
            I(s.Id), D(s.AnnualBookingsUsd), D(s.GrowthPct), s.LegacyTier.ToString(), s.LegacyProvider.ToString(),
            s.Archetype.ToString(), s.ManagedBy.ToString(), I(s.Employees), s.Cspm.ToString(), s.Mspm.ToString(),
            D(halfPoints / 2.0), I(s.CareerCerts), I(s.MerakiCerts), D(s.BuyingProgramPct), D(s.OnboardPct), D(s.AdoptPct),
            s.MerakiRegistered ? "true" : "false", D(s.AapPct), D(s.AiBookingsPct), D(s.PremiumServicesPct), D(s.OtrrPct),
            I(s.PoweredServices), D(s.AcvGrowthPct), D(s.TcvGrowthPct),
            .. s.PortfolioShare.ToArray().Select(D),
            string.Join(';', byAge.Take(ages).Select(h => D(h / 2.0))),
        ];
    }

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
