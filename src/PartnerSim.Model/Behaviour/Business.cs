using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Behaviour;

/// <summary>§6.3: bookings grow, the quarter's bookings are drawn, size and growth metrics follow.</summary>
public static class Business
{
    /// <param name="draws">The quarter's draws: bookings noise, ACV and TCV metric noise.</param>
    public static void Apply(PartnerState s, RuleBook rules, in QuarterDraws draws)
    {
        var b = rules.Options.Behaviour;
        s.AnnualBookingsUsd *= 1 + s.GrowthPct / 400;

        var q = s.QuarterBookings;
        History.Age(q);
        double sigma = b.QuarterNoiseSigma;
        double noise = Math.Exp(sigma * draws.BookingsNoise - sigma * sigma / 2);
        q[0] = s.AnnualBookingsUsd / 4 * noise;
        s.Size = rules.SizeOf(s.AnnualBookingsUsd);

        double growth = FourOverFourGrowthPct(q);
        double sd = b.GrowthMetricNoisePoints;
        s.AcvGrowthPct = growth + sd * draws.AcvNoise;
        s.TcvGrowthPct = growth + sd * draws.TcvNoise;
    }

    /// <summary>Growth (%) of the last four quarters' bookings over the four before.</summary>
    public static double FourOverFourGrowthPct(ReadOnlySpan<double> q)
    {
        double recent = q[0] + q[1] + q[2] + q[3];
        double before = q[4] + q[5] + q[6] + q[7];
        return before > 0 ? (recent / before - 1) * 100 : 0;
    }
}
