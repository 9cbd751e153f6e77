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
    /// <param name="countDraw">The quarter's deal-count draw (<see cref="QuarterDraws.DealCount"/>).</param>
    public static QuarterMoney Book(PartnerState s, int quarter, ReadOnlySpan<Band> effectiveBands, RuleBook rules, CounterRandom rng,
        double countDraw)
    {
        var m = rules.Options.Money;
        double quarterBookings = s.QuarterBookings[0];
        if (quarterBookings <= 0) return new QuarterMoney();

        int size = (int)s.Size;
        // Past the cap on deals, each deal is larger by the ratio: its log-mean moves by log(ratio).
        double lambda = quarterBookings / rules.DealSize[size], logScale = 0;
        if (lambda > m.MaxDealsPerQuarter)
        {
            logScale = Math.Log(lambda / m.MaxDealsPerQuarter);
            lambda = m.MaxDealsPerQuarter;
        }
        // The count is the quarter's deal-count draw (a mean past 500 reads a stream of its own, as it takes several
        // draws); deal k is draw k of the deal stream, four deals to a vector.
        int n = Math.Max(1, rng.At(s.Id, quarter, RandomStream.DealCount).Poisson(lambda, countDraw));
        var draw = new DealDraw(rng.At(s.Id, quarter, RandomStream.Deals), rules.DealLogMu[size] + logScale, m.DealValueSigma);
        var ledger = new DealLedger(s, quarter, effectiveBands, rules);
        var sums = new LaneSums();
        for (int i = 0; i < n; i += 4)
        {
            draw.At((uint)i, out var value, out var portfolioWord, out var coinWord);
            ledger.Book(value, portfolioWord, coinWord, n - i, ref sums);
        }
        return sums.Total(n);
    }

    /// <summary>Adopt rebate (fraction) on AAP-assessed deals: advanced at MSPM ≥ Intermediate, standard at any validated maturity.</summary>
    public static double AdoptRate(PartnerState s, double standardPct, double advancedPct) =>
        s.Mspm >= Maturity.Intermediate ? advancedPct / 100
        : s.Mspm >= Maturity.Basic || s.Cspm >= Maturity.Basic ? standardPct / 100
        : 0;
}
