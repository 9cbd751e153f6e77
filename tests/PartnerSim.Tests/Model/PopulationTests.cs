using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Model;

/// <summary>§7: bookings spread (top 22 % book ~90 %) and legacy tiers by bookings rank.</summary>
public class PopulationTests
{
    [Fact]
    public void SigmaFor_Top22Book90()
    {
        // σ = z(1 − 0.22) − z(1 − 0.90) = z(0.78) − z(0.10) = 0.7722 − (−1.2816) = 2.0538
        Assert.Equal(2.054, PopulationGenerator.SigmaFor(0.22, 0.90), 3);
    }

    [Fact]
    public void Generated20k_TierCountsAndConcentration()
    {
        const int n = 20_000;
        var book = new RuleBook(new ScenarioOptions
        {
            Run = new RunOptions { Seed = 20260125 },
            Population = new PopulationOptions { Partners = n },
        });
        var gen = new PopulationGenerator(book);
        var cuts = gen.ComputeTierCuts();
        var rng = new CounterRandom(book.Options.Run.Seed);
        var partners = Enumerable.Range(1, n).Select(id => gen.Create(id, cuts, rng)).ToList();

        int Count(LegacyTier t) => partners.Count(p => p.LegacyTier == t);
        Assert.Equal(300, Count(LegacyTier.Gold));     // round(1.5 % × 20000)
        Assert.Equal(1200, Count(LegacyTier.Premier)); // round(6 % × 20000)
        Assert.Equal(3000, Count(LegacyTier.Select));  // round(15 % × 20000)
        Assert.Equal(15500, Count(LegacyTier.Registered));

        var bookings = partners.Select(p => p.AnnualBookingsUsd).OrderByDescending(b => b).ToArray();
        double top = bookings.Take(4400).Sum(); // 22 % of 20000
        Assert.InRange(top / bookings.Sum(), 0.87, 0.93);

        // Median ≈ $1M (lognormal median): a loose check, ±10 %.
        Assert.InRange(bookings[n / 2], 900_000, 1_100_000);
    }
}
