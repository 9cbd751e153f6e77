using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Behaviour;

/// <summary>§6.3: bookings grow, the quarter's bookings are drawn, size and growth metrics follow.</summary>
public static class Business
{
    public static void Apply(PartnerState s, int quarter, RuleBook rules, CounterRandom rng)
    {
        var b = rules.Options.Behaviour;
        s.AnnualBookingsUsd *= 1 + s.GrowthPct / 400;

        var q = s.QuarterBookings;
        for (int k = q.Length - 1; k > 0; k--) q[k] = q[k - 1]; // a plain loop: Array.Copy is slow on 8 elements
        double sigma = b.QuarterNoiseSigma;
        double noise = Math.Exp(sigma * rng.At(s.Id, quarter, RandomStream.Business).StandardNormal() - sigma * sigma / 2);
        q[0] = s.AnnualBookingsUsd / 4 * noise;
        s.Size = rules.SizeOf(s.AnnualBookingsUsd);

        double growth = FourOverFourGrowthPct(q);
        double sd = b.GrowthMetricNoisePoints;
        s.AcvGrowthPct = growth + sd * rng.At(s.Id, quarter, RandomStream.AcvNoise).StandardNormal();
        s.TcvGrowthPct = growth + sd * rng.At(s.Id, quarter, RandomStream.TcvNoise).StandardNormal();
    }

    /// <summary>Growth (%) of the last four quarters' bookings over the four before.</summary>
    public static double FourOverFourGrowthPct(double[] q)
    {
        double recent = q[0] + q[1] + q[2] + q[3];
        double before = q[4] + q[5] + q[6] + q[7];
        return before > 0 ? (recent / before - 1) * 100 : 0;
    }
}
