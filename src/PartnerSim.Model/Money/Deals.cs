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
        bool launched = rules.IsLaunched(quarter);
        bool legacyQualifies = s.QuarterBookings[0] + s.QuarterBookings[1] >= m.VipMinBookingsUsd;
        double legacyRate = rules.LegacyRate[(int)s.LegacyTier];
        double providerRate = s.LegacyProvider != LegacyProvider.None ? m.ProviderRebatePct / 100 : 0;
        double adoptRate = AdoptRate(s, m.AdoptStandardPct, m.AdoptAdvancedPct);
        Span<double> legacyPerUsd = stackalloc double[Metrics.PortfolioCount];
        Span<double> cpiPerUsd = stackalloc double[Metrics.PortfolioCount];          // not AAP-assessed
        Span<double> cpiAssessedPerUsd = stackalloc double[Metrics.PortfolioCount];  // AAP-assessed: land + adopt
        Span<double> discountPerUsd = stackalloc double[Metrics.PortfolioCount];     // registered deals
        for (int p = 0; p < Metrics.PortfolioCount; p++)
        {
            if (legacyQualifies) legacyPerUsd[p] = legacyRate + (p == (int)Portfolio.Services ? providerRate : 0);
            if (!launched) continue;
            var band = effectiveBands[p];
            if (band >= Band.Partner)
            {
                double land = rules.LandRate[p], landAndAdopt = land + adoptRate;
                if (band == Band.Preferred) { land *= m.PreferredMultiplier; landAndAdopt *= m.PreferredMultiplier; }
                cpiPerUsd[p] = land;
                cpiAssessedPerUsd[p] = landAndAdopt;
            }
            if (band >= Band.Registered) discountPerUsd[p] = m.DealRegDiscountPct / 100;
        }
        // u·2⁻¹⁶ < rate exactly when the 16-bit word is below ⌈rate·2¹⁶⌉ (the scaling by 2¹⁶ is exact).
        var registeredBelow = Vector256.Create((ulong)CoinThreshold(m.DealRegRate));
        var assessedBelow = Vector256.Create((ulong)CoinThreshold(s.AapPct / 100));
        double acc = 0;
        var cum0 = Vector256.Create(acc += s.PortfolioShare[0]);
        var cum1 = Vector256.Create(acc += s.PortfolioShare[1]);
        var cum2 = Vector256.Create(acc += s.PortfolioShare[2]);
        var cum3 = Vector256.Create(acc += s.PortfolioShare[3]);
        var mu = Vector256.Create(rules.DealLogMu[size] + Math.Log(scale));
        var sigma = Vector256.Create(m.DealValueSigma);

        // Four deals per pass, one per vector lane: one Philox block per deal (two words for the value, one for the
        // portfolio, one for the two coins), each lane summing its own deals. Lanes past the last deal book 0.
        Vector256<double> bookings = default, legacy = default, cpi = default, discount = default;
        for (int i = 0; i < n; i += 4)
        {
            rng.NextBlocks4(out var w0, out var w1, out var w2, out var w3);
            var value = Vector256.Exp(mu + sigma * CounterRandom.NormalFrom(CounterRandom.Uniform53(w0, w1)));
            value &= LanesBelow(n - i);
            var u = Vector256.ConvertToDouble(w2) * Vector256.Create(1.0 / 4294967296.0);
            var portfolio = PickPortfolio(u, cum0, cum1, cum2, cum3);
            var registered = Vector256.LessThan(w3 >>> 16, registeredBelow).AsDouble();
            var assessed = Vector256.LessThan(w3 & Vector256.Create(0xFFFFUL), assessedBelow).AsDouble();

            bookings += value;
            legacy += value * Lookup(legacyPerUsd, portfolio);
            cpi += value * Vector256.ConditionalSelect(assessed, Lookup(cpiAssessedPerUsd, portfolio), Lookup(cpiPerUsd, portfolio));
            discount += value * (Lookup(discountPerUsd, portfolio) & registered);
        }
        money.BookingsUsd = Total(bookings);
        money.LegacyUsd = Total(legacy);
        money.CpiUsd = Total(cpi);
        money.DiscountUsd = Total(discount);
        money.Deals = n;
        return money;
    }

    /// <summary>Adopt rebate (fraction) on AAP-assessed deals: advanced at MSPM ≥ Intermediate, standard at any validated maturity.</summary>
    public static double AdoptRate(PartnerState s, double standardPct, double advancedPct) =>
        s.Mspm >= Maturity.Intermediate ? advancedPct / 100
        : s.Mspm >= Maturity.Basic || s.Cspm >= Maturity.Basic ? standardPct / 100
        : 0;

    /// <summary>
    /// The portfolio each lane's deal lands in, from a uniform u and the running sums of the first four portfolio
    /// shares: the first portfolio whose running sum exceeds u, i.e. the number of running sums ≤ u (comparison
    /// masks are −1, hence the minus).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<long> PickPortfolio(Vector256<double> u,
        Vector256<double> cum0, Vector256<double> cum1, Vector256<double> cum2, Vector256<double> cum3) =>
        -(Vector256.GreaterThanOrEqual(u, cum0).AsInt64() + Vector256.GreaterThanOrEqual(u, cum1).AsInt64()
          + Vector256.GreaterThanOrEqual(u, cum2).AsInt64() + Vector256.GreaterThanOrEqual(u, cum3).AsInt64());

    /// <summary>table[lane] for each lane's index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lookup(ReadOnlySpan<double> table, Vector256<long> index) =>
        Vector256.Create(table[(int)index[0]], table[(int)index[1]], table[(int)index[2]], table[(int)index[3]]);

    /// <summary>All bits set in the first <paramref name="count"/> lanes, clear in the rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LanesBelow(int count) =>
        Vector256.LessThan(Vector256.Create(0L, 1, 2, 3), Vector256.Create((long)count)).AsDouble();

    /// <summary>The lanes' sum in a fixed order, whatever the hardware.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Total(Vector256<double> lanes) => (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);

    internal static uint CoinThreshold(double probability) =>
        (uint)Math.Clamp(Math.Ceiling(probability * 65536), 0, 65536);
}
