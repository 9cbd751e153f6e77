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
    private readonly PortfolioRates _legacy, _cpi, _cpiAssessed, _discount;
    private readonly Vector256<double> _cum0, _cum1, _cum2, _cum3;
    private readonly Vector256<ulong> _registeredBelow, _assessedBelow;

    public DealLedger(PartnerState s, int quarter, ReadOnlySpan<Band> effectiveBands, RuleBook rules)
    {
        var m = rules.Options.Money;
        bool launched = rules.IsLaunched(quarter);
        bool legacyQualifies = s.QuarterBookings[0] + s.QuarterBookings[1] >= m.VipMinBookingsUsd;
        double legacyRate = legacyQualifies ? rules.LegacyRate[(int)s.LegacyTier] : 0;
        double providerRate = legacyQualifies && s.LegacyProvider != LegacyProvider.None ? m.ProviderRebatePct / 100 : 0;
        // The provider rebate is on Services, the last portfolio.
        _legacy = new(Vector256.Create(legacyRate), legacyRate + providerRate);
        if (launched)
        {
            // Portfolios 0–3 in lanes, the fifth alone, by the same arithmetic.
            double adoptRate = Deals.AdoptRate(s, m.AdoptStandardPct, m.AdoptAdvancedPct), discount = m.DealRegDiscountPct / 100;
            var bands = Vector256.Create((long)effectiveBands[0], (long)effectiveBands[1], (long)effectiveBands[2], (long)effectiveBands[3]);
            var earns = Vector256.GreaterThanOrEqual(bands, Vector256.Create((long)Band.Partner)).AsDouble();
            var multiplier = Vector256.ConditionalSelect(Vector256.Equals(bands, Vector256.Create((long)Band.Preferred)).AsDouble(),
                Vector256.Create(m.PreferredMultiplier), Vector256<double>.One);
            var land = Vector256.Create<double>(rules.LandRate);
            var registered = Vector256.GreaterThanOrEqual(bands, Vector256.Create((long)Band.Registered)).AsDouble();
            var last = effectiveBands[4];
            double lastLand = rules.LandRate[4], lastMultiplier = last == Band.Preferred ? m.PreferredMultiplier : 1;
            bool lastEarns = last >= Band.Partner;
            _cpi = new(land * multiplier & earns, lastEarns ? lastLand * lastMultiplier : 0);
            _cpiAssessed = new((land + Vector256.Create(adoptRate)) * multiplier & earns,
                lastEarns ? (lastLand + adoptRate) * lastMultiplier : 0);
            _discount = new(Vector256.Create(discount) & registered, last >= Band.Registered ? discount : 0);
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
        sums.Legacy += value * _legacy.At(portfolio);
        sums.Cpi += value * Vector256.ConditionalSelect(assessed, _cpiAssessed.At(portfolio), _cpi.At(portfolio));
        sums.Discount += value * (_discount.At(portfolio) & registered);
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
}
