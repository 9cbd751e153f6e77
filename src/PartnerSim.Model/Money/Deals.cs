using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Money;

/// <summary>
/// §5: a quarter's deals and the rebates each earns, under Cisco 360 (CPI) and under the legacy rules
/// (counterfactual), so that every partner-quarter carries both figures.
/// </summary>
public static class Deals
{
    public static QuarterMoney Book(PartnerState s, int quarter, ReadOnlySpan<Band> effectiveBands, RuleBook rules, CounterRandom rng)
    {
        var m = rules.Options.Money;
        var money = new QuarterMoney();
        double quarterBookings = s.QuarterBookings[0];
        if (quarterBookings <= 0) return money;

        int size = (int)s.Size;
        rng.At(s.Id, quarter, RandomStream.Deals);
        double lambda = quarterBookings / rules.DealSize[size], scale = 1;
        if (lambda > m.MaxDealsPerQuarter)
        {
            scale = lambda / m.MaxDealsPerQuarter;
            lambda = m.MaxDealsPerQuarter;
        }
        int n = rng.Poisson(lambda);
        if (n == 0) n = 1;

        bool launched = rules.IsLaunched(quarter);
        bool legacyQualifies = s.QuarterBookings[0] + s.QuarterBookings[1] >= m.VipMinBookingsUsd;
        double legacyRate = rules.LegacyRate[(int)s.LegacyTier];
        double providerRate = s.LegacyProvider != LegacyProvider.None ? m.ProviderRebatePct / 100 : 0;
        double adoptRate = AdoptRate(s, m.AdoptStandardPct, m.AdoptAdvancedPct);
        double regRate = m.DealRegRate, aapRate = s.AapPct / 100;
        double mu = rules.DealLogMu[size] + Math.Log(scale), sigma = m.DealValueSigma;

        for (int i = 0; i < n; i++)
        {
            // One Philox block per deal: two words for the value, one for the portfolio, one for the two coins.
            var (w0, w1, w2, w3) = rng.NextBlock();
            double value = Math.Exp(mu + sigma * CounterRandom.NormalFrom(CounterRandom.Uniform53(w0, w1)));
            var p = PickPortfolio(s.PortfolioShare, CounterRandom.Uniform32(w2));
            bool registered = (w3 >> 16) * (1.0 / 65536) < regRate;
            bool assessed = (w3 & 0xFFFF) * (1.0 / 65536) < aapRate;
            money.BookingsUsd += value;

            if (legacyQualifies)
                money.LegacyUsd += value * (legacyRate + (p == Portfolio.Services ? providerRate : 0));
            if (!launched) continue;

            var band = effectiveBands[(int)p];
            if (band >= Band.Partner)
            {
                double rate = rules.LandRate[(int)p] + (assessed ? adoptRate : 0);
                if (band == Band.Preferred) rate *= m.PreferredMultiplier;
                money.CpiUsd += value * rate;
            }
            if (registered && band >= Band.Registered) money.DiscountUsd += value * m.DealRegDiscountPct / 100;
        }
        money.Deals = n;
        return money;
    }

    /// <summary>Adopt rebate (fraction) on AAP-assessed deals: advanced at MSPM ≥ Intermediate, standard at any validated maturity.</summary>
    public static double AdoptRate(PartnerState s, double standardPct, double advancedPct) =>
        s.Mspm >= Maturity.Intermediate ? advancedPct / 100
        : s.Mspm >= Maturity.Basic || s.Cspm >= Maturity.Basic ? standardPct / 100
        : 0;

    public static Portfolio PickPortfolio(double[] shares, double u)
    {
        double acc = 0;
        for (int p = 0; p < shares.Length - 1; p++)
        {
            acc += shares[p];
            if (u < acc) return (Portfolio)p;
        }
        return (Portfolio)(shares.Length - 1);
    }
}
