using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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

        // What a deal in each portfolio earns per dollar, worked out once per partner-quarter so that booking a
        // deal is table look-ups rather than branches on random coins (which the CPU cannot predict).
        // Rows [2p] and [2p + 1] are portfolio p without and with the coin (AAP assessment / registration).
        bool launched = rules.IsLaunched(quarter);
        bool legacyQualifies = s.QuarterBookings[0] + s.QuarterBookings[1] >= m.VipMinBookingsUsd;
        double legacyRate = rules.LegacyRate[(int)s.LegacyTier];
        double providerRate = s.LegacyProvider != LegacyProvider.None ? m.ProviderRebatePct / 100 : 0;
        double adoptRate = AdoptRate(s, m.AdoptStandardPct, m.AdoptAdvancedPct);
        Span<double> legacyPerUsd = stackalloc double[Metrics.PortfolioCount];
        Span<double> cpiPerUsd = stackalloc double[2 * Metrics.PortfolioCount];
        Span<double> discountPct = stackalloc double[2 * Metrics.PortfolioCount];
        for (int p = 0; p < Metrics.PortfolioCount; p++)
        {
            if (legacyQualifies) legacyPerUsd[p] = legacyRate + (p == (int)Portfolio.Services ? providerRate : 0);
            if (!launched) continue;
            var band = effectiveBands[p];
            if (band >= Band.Partner)
            {
                double land = rules.LandRate[p], landAndAdopt = land + adoptRate;
                if (band == Band.Preferred) { land *= m.PreferredMultiplier; landAndAdopt *= m.PreferredMultiplier; }
                cpiPerUsd[2 * p] = land;
                cpiPerUsd[2 * p + 1] = landAndAdopt;
            }
            if (band >= Band.Registered) discountPct[2 * p + 1] = m.DealRegDiscountPct;
        }
        // u·2⁻¹⁶ < rate exactly when the 16-bit word is below ⌈rate·2¹⁶⌉ (the scaling by 2¹⁶ is exact).
        uint registeredBelow = CoinThreshold(m.DealRegRate), assessedBelow = CoinThreshold(s.AapPct / 100);
        Span<double> cumulativeShare = stackalloc double[Metrics.PortfolioCount - 1];
        double acc = 0;
        for (int p = 0; p < cumulativeShare.Length; p++) cumulativeShare[p] = acc += s.PortfolioShare[p];
        double mu = rules.DealLogMu[size] + Math.Log(scale), sigma = m.DealValueSigma;

        // Deals are drawn four at a time (Philox and the normal quantile in vector lanes), then booked one by one
        // in deal order, so every figure equals drawing them singly: one Philox block per deal, two words for
        // the value, one for the portfolio, one for the two coins.
        Span<double> values = stackalloc double[4];
        Span<ulong> portfolioWord = stackalloc ulong[4], coinWord = stackalloc ulong[4];
        for (int i = 0; i < n; i += 4)
        {
            rng.NextBlocks4(out var w0, out var w1, out var w2, out var w3);
            var z = CounterRandom.NormalFrom(CounterRandom.Uniform53(w0, w1));
            Vector256.Exp(Vector256.Create(mu) + Vector256.Create(sigma) * z).CopyTo(values);
            w2.CopyTo(portfolioWord);
            w3.CopyTo(coinWord);
            for (int j = 0, lanes = Math.Min(4, n - i); j < lanes; j++)
            {
                double value = values[j];
                int p = PickPortfolio(cumulativeShare, CounterRandom.Uniform32((uint)portfolioWord[j]));
                uint coins = (uint)coinWord[j];
                int registered = (coins >> 16) < registeredBelow ? 1 : 0;
                int assessed = (coins & 0xFFFF) < assessedBelow ? 1 : 0;
                money.BookingsUsd += value;
                money.LegacyUsd += value * legacyPerUsd[p];
                money.CpiUsd += value * cpiPerUsd[2 * p + assessed];
                money.DiscountUsd += value * discountPct[2 * p + registered] / 100;
            }
        }
        money.Deals = n;
        return money;
    }

    /// <summary>Adopt rebate (fraction) on AAP-assessed deals: advanced at MSPM ≥ Intermediate, standard at any validated maturity.</summary>
    public static double AdoptRate(PartnerState s, double standardPct, double advancedPct) =>
        s.Mspm >= Maturity.Intermediate ? advancedPct / 100
        : s.Mspm >= Maturity.Basic || s.Cspm >= Maturity.Basic ? standardPct / 100
        : 0;

    /// <summary>
    /// The portfolio a deal lands in, from a uniform u and the running sums of the portfolio shares: the first
    /// portfolio whose running sum exceeds u, counted without branches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PickPortfolio(ReadOnlySpan<double> cumulativeShare, double u)
    {
        int p = 0;
        foreach (double c in cumulativeShare) p += u >= c ? 1 : 0;
        return p;
    }

    internal static uint CoinThreshold(double probability) =>
        (uint)Math.Clamp(Math.Ceiling(probability * 65536), 0, 65536);
}
