using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Money;

/// <summary>
/// How one partner-quarter's deals are booked, four at a time, one per vector lane (into <see cref="LaneSums"/>).
/// What a deal earns per dollar in each portfolio is worked out once, so booking a deal is look-ups and
/// compares rather than branches on random coins (which the CPU cannot predict).
/// </summary>
internal struct DealLedger
{
    private ByPortfolio<double> _legacy, _cpi, _cpiAssessed, _discount;
    private readonly Vector256<double> _cum0, _cum1, _cum2, _cum3;
    private readonly Vector256<ulong> _registeredBelow, _assessedBelow;

    public DealLedger(PartnerState s, int quarter, ReadOnlySpan<Band> effectiveBands, RuleBook rules)
    {
        var m = rules.Options.Money;
        bool launched = rules.IsLaunched(quarter);
        bool legacyQualifies = s.QuarterBookings[0] + s.QuarterBookings[1] >= m.VipMinBookingsUsd;
        double legacyRate = rules.LegacyRate[(int)s.LegacyTier];
        double providerRate = s.LegacyProvider != LegacyProvider.None ? m.ProviderRebatePct / 100 : 0;
        double adoptRate = Deals.AdoptRate(s, m.AdoptStandardPct, m.AdoptAdvancedPct);
        for (int p = 0; p < Metrics.PortfolioCount; p++)
        {
            if (legacyQualifies) _legacy[p] = legacyRate + (p == (int)Portfolio.Services ? providerRate : 0);
            if (!launched) continue;
            var band = effectiveBands[p];
            if (band >= Band.Partner)
            {
                double land = rules.LandRate[p], landAndAdopt = land + adoptRate;
                if (band == Band.Preferred) { land *= m.PreferredMultiplier; landAndAdopt *= m.PreferredMultiplier; }
                _cpi[p] = land;
                _cpiAssessed[p] = landAndAdopt;
            }
            if (band >= Band.Registered) _discount[p] = m.DealRegDiscountPct / 100;
        }
        _registeredBelow = Vector256.Create((ulong)CoinThreshold(m.DealRegRate));
        _assessedBelow = Vector256.Create((ulong)CoinThreshold(s.AapPct / 100));
        double running = 0;
        _cum0 = Vector256.Create(running += s.PortfolioShare[0]);
        _cum1 = Vector256.Create(running += s.PortfolioShare[1]);
        _cum2 = Vector256.Create(running += s.PortfolioShare[2]);
        _cum3 = Vector256.Create(running += s.PortfolioShare[3]);
    }

    /// <summary>
    /// What four drawn deals add to each lane's sums, of which the first <paramref name="remaining"/> exist (none
    /// when ≤ 0). The sums stay with the caller, in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Book(Vector256<double> value, Vector256<ulong> portfolioWord, Vector256<ulong> coinWord, int remaining,
        ref LaneSums sums)
    {
        value &= Vector256.LessThan(Vector256.Create(0L, 1, 2, 3), Vector256.Create((long)remaining)).AsDouble();
        var u = Vector256.ConvertToDouble(portfolioWord) * Vector256.Create(1.0 / 4294967296.0);
        var portfolio = PickPortfolio(u, _cum0, _cum1, _cum2, _cum3);
        var registered = Vector256.LessThan(coinWord >>> 16, _registeredBelow).AsDouble();
        var assessed = Vector256.LessThan(coinWord & Vector256.Create(0xFFFFUL), _assessedBelow).AsDouble();

        sums.Bookings += value;
        sums.Legacy += value * Lookup(_legacy, portfolio);
        sums.Cpi += value * Vector256.ConditionalSelect(assessed, Lookup(_cpiAssessed, portfolio), Lookup(_cpi, portfolio));
        sums.Discount += value * (Lookup(_discount, portfolio) & registered);
    }

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

    /// <summary>
    /// The bound a coin's 16-bit word must stay below to come up with this probability: u·2⁻¹⁶ &lt; rate exactly
    /// when u &lt; ⌈rate·2¹⁶⌉ (the scaling by 2¹⁶ is exact).
    /// </summary>
    internal static uint CoinThreshold(double probability) =>
        (uint)Math.Clamp(Math.Ceiling(probability * 65536), 0, 65536);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lookup(in ByPortfolio<double> table, Vector256<long> index) =>
        Vector256.Create(table[(int)index[0]], table[(int)index[1]], table[(int)index[2]], table[(int)index[3]]);
}
