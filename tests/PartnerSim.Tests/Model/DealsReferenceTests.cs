using PartnerSim.Model.Engine;
using PartnerSim.Model.Money;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Model;

/// <summary>
/// <see cref="Deals.Book"/> (four deals to a vector, branch-free booking) against §5 written out plainly, one
/// deal at a time with branches, from the same draws: deal k is Philox block k of the partner-quarter's deal
/// stream, the count is drawn from its own stream. Only the last bits may differ (vector <c>exp</c>, and lane
/// sums added in another order).
/// </summary>
public class DealsReferenceTests
{
    private static QuarterMoney Reference(PartnerState s, int quarter, Band[] bands, RuleBook rules, CounterRandom rng)
    {
        var m = rules.Options.Money;
        var money = new QuarterMoney();
        double bookings = s.QuarterBookings[0];
        if (bookings <= 0) return money;
        int size = (int)s.Size;
        double lambda = bookings / m.DealSizeUsd.ToArray()[size], scale = 1;
        if (lambda > m.MaxDealsPerQuarter) { scale = lambda / m.MaxDealsPerQuarter; lambda = m.MaxDealsPerQuarter; }
        double countDraw = QuarterDraws.Of(rng, s.Id, quarter).DealCount;
        int n = Math.Max(1, rng.At(s.Id, quarter, RandomStream.DealCount).Poisson(lambda, countDraw));
        double mu = Math.Log(m.DealSizeUsd.ToArray()[size]) - m.DealValueSigma * m.DealValueSigma / 2 + Math.Log(scale);
        bool launched = rules.IsLaunched(quarter);
        bool qualifies = s.QuarterBookings[0] + s.QuarterBookings[1] >= m.VipMinBookingsUsd;
        double legacyRate = m.LegacyRatePct.ToArray()[(int)s.LegacyTier] / 100;
        double adopt = s.Mspm >= Maturity.Intermediate ? m.AdoptAdvancedPct / 100
            : s.Mspm >= Maturity.Basic || s.Cspm >= Maturity.Basic ? m.AdoptStandardPct / 100 : 0;

        rng.At(s.Id, quarter, RandomStream.Deals);
        for (int k = 0; k < n; k++)
        {
            var (w0, w1, w2, w3) = rng.NextBlock();
            double value = Math.Exp(mu + m.DealValueSigma * NormalQuantile.Of(CounterRandom.Uniform53(w0, w1)));
            double u = CounterRandom.Uniform32(w2), running = 0;
            int p = Metrics.PortfolioCount - 1;
            for (int j = 0; j < Metrics.PortfolioCount - 1; j++)
                if (u < (running += s.PortfolioShare[j])) { p = j; break; }
            bool registered = (w3 >> 16) / 65536.0 < m.DealRegRate;
            bool assessed = (w3 & 0xFFFF) / 65536.0 < s.AapPct / 100;

            money.BookingsUsd += value;
            if (qualifies)
                money.LegacyUsd += value * (legacyRate + (p == (int)Portfolio.Services && s.LegacyProvider != LegacyProvider.None ? m.ProviderRebatePct / 100 : 0));
            if (!launched) continue;
            if (bands[p] >= Band.Partner)
            {
                double rate = m.LandRatePct.ToArray()[p] / 100 + (assessed ? adopt : 0);
                if (bands[p] == Band.Preferred) rate *= m.PreferredMultiplier;
                money.CpiUsd += value * rate;
            }
            if (registered && bands[p] >= Band.Registered) money.DiscountUsd += value * m.DealRegDiscountPct / 100;
        }
        money.Deals = n;
        return money;
    }

    [Theory]
    [InlineData(1)]  // before launch: legacy only
    [InlineData(3)]  // after launch
    public void Book_EqualsThePlainRule_ForAGeneratedPopulation(int quarter)
    {
        var rules = new RuleBook(new ScenarioOptions { Population = new PopulationOptions { Partners = 2000 } });
        var generator = new PopulationGenerator(rules);
        var cuts = generator.ComputeTierCuts();
        var rng = new CounterRandom(rules.Options.Run.Seed);
        var bandCycle = new[] { Band.None, Band.Registered, Band.Partner, Band.Preferred };
        int withCpi = 0, multiDeal = 0;
        for (long id = 1; id <= 2000; id++)
        {
            var s = generator.Create(id, cuts, rng);
            var bands = Enumerable.Range(0, Metrics.PortfolioCount).Select(p => bandCycle[(id + p) % 4]).ToArray();
            var actual = Deals.Book(s, quarter, bands, rules, rng, QuarterDraws.Of(rng, s.Id, quarter).DealCount);
            var expected = Reference(s, quarter, bands, rules, rng);

            Assert.Equal(expected.Deals, actual.Deals);
            AssertClose(expected.BookingsUsd, actual.BookingsUsd, id);
            AssertClose(expected.LegacyUsd, actual.LegacyUsd, id);
            AssertClose(expected.CpiUsd, actual.CpiUsd, id);
            AssertClose(expected.DiscountUsd, actual.DiscountUsd, id);
            if (expected.CpiUsd > 0) withCpi++;
            if (expected.Deals > 4) multiDeal++;
        }
        // The comparison covered what it should: partners with several vectors of deals, and CPI after launch only.
        Assert.True(multiDeal > 100, $"{multiDeal} partners with more than four deals");
        Assert.Equal(quarter >= rules.Launch, withCpi > 0);
    }

    private static void AssertClose(double expected, double actual, long id) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
            $"partner {id}: {actual} against the plain rule's {expected}");
}
