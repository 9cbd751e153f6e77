using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Model;

/// <summary>
/// §7's starting metrics are options (population.startingMetrics, portfolioSpread). Every partner here has
/// engagement q = 0.5 exactly (sd 0) and is size M (Black Belt target 10, career target 5); with each
/// coefficient's spread set to 0 the start no longer depends on the draws and is worked out by hand.
/// </summary>
public class StartingMetricTests
{
    private static readonly EngagementDraw NoDraw = new() { Scale = 0, Low = 0, Spread = 0 };

    private static List<PartnerState> Generate(StartingMetricOptions metrics, PopulationOptions? population = null, int n = 50)
    {
        var half = new MeanSd { Mean = 0.5, Sd = 0 };
        var p = (population ?? new PopulationOptions()) with
        {
            Engagement = new() { Registered = half, Select = half, Premier = half, Gold = half },
            StartingMetrics = metrics,
            BlackBeltStageMix = new() { Stage1 = 1, Stage2 = 0, Stage3 = 0 },
        };
        var gen = new PopulationGenerator(new RuleBook(new ScenarioOptions { Population = p }));
        var rng = new CounterRandom(3);
        return Enumerable.Range(1, n).Select(id => gen.Create(id, LegacyTier.Select, 4_000_000, rng)).ToList();
    }

    [Fact]
    public void EveryCoefficient_SetsItsMetric()
    {
        var partners = Generate(new StartingMetricOptions
        {
            Cspm = new() { PerEngagement = 4, Spread = 0 },                // floor(4 × 0.5) = 2: Intermediate
            Mspm = new() { PerEngagement = 2.5, Spread = 0 },              // floor(1.25) = 1: Basic
            BlackBelt = new() { Scale = 1, Low = 1, Spread = 0 },          // floor(1 × 0.5 × 10 × 1) = 5 certificates, stage 1
            Career = new() { Scale = 2, Low = 1, Spread = 0 },             // floor(2 × 0.5 × 5 × 1) = 5
            MerakiBase = 0, MerakiPerEngagement = 0,                       // floor(u × 0) = 0
            MerakiRegisteredPerEngagement = 0,
            Onboard = new() { Scale = 100, Low = 1, Spread = 0 },          // 100 × 0.5 × 1 = 50
            Adopt = new() { Scale = 40, Low = 0.5, Spread = 0 },           // 40 × 0.5 × 0.5 = 10
            Aap = new() { Scale = 100, Low = 3, Spread = 0 },              // min(100, 150) = 100
            BuyingProgram = new() { Scale = 20, Low = 1, Spread = 0 },     // 10
            AiBookings = new() { Scale = 10, Low = 1, Spread = 0 },        // 5
            PremiumServices = new() { Scale = 4, Low = 1, Spread = 0 },    // 2
            OnTimeRenewal = new() { Scale = 20, Low = 1, Spread = 0 }, OnTimeRenewalBase = 60, // 60 + 10 = 70
            PoweredServices = new() { Scale = 6, Low = 1, Spread = 0 },    // floor(3) = 3
        });
        Assert.All(partners, s =>
        {
            Assert.Equal(PartnerSize.M, s.Size);
            Assert.Equal((Maturity.Intermediate, Maturity.Basic), (s.Cspm, s.Mspm));
            int halfPoints = 0;
            foreach (var h in s.BlackBeltHalfPoints) halfPoints += h;
            Assert.Equal(10, halfPoints); // 5 stage-1 certificates × 2 half-points
            Assert.Equal(5, s.CareerCerts);
            Assert.Equal(0, s.MerakiCerts);
            Assert.False(s.MerakiRegistered);
            Assert.Equal((50.0, 10.0, 100.0), (s.OnboardPct, s.AdoptPct, s.AapPct));
            Assert.Equal((10.0, 5.0, 2.0), (s.BuyingProgramPct, s.AiBookingsPct, s.PremiumServicesPct));
            Assert.Equal(70.0, s.OtrrPct);
            Assert.Equal(3, s.PoweredServices);
        });
    }

    [Fact]
    public void BelowEngagedFrom_NoEngagementMetrics_AndTheUnengagedRenewal()
    {
        var metrics = new StartingMetricOptions { EngagedFrom = 0.6, OnTimeRenewalUnengaged = 0 }; // q = 0.5 < 0.6
        Assert.All(Generate(metrics), s => Assert.Equal((0.0, 0.0, 0.0, 0.0), (s.OnboardPct, s.AdoptPct, s.AapPct, s.OtrrPct)));

        // From 0.4 on the same partners are engaged: onboard = min(100, 60 × 0.5 × (0.5 + u)) in [15, 45), renewal ≥ 50 + 15.
        Assert.All(Generate(metrics with { EngagedFrom = 0.4 }), s =>
        {
            Assert.InRange(s.OnboardPct, 15, 45);
            Assert.InRange(s.OtrrPct, 65, 75);
        });
    }

    [Fact]
    public void Meraki_CountAndRegistration()
    {
        // floor(u × (3 + 0 × q)): 0, 1 or 2, each about a third of the time; registered with chance 1 × 0.5.
        var partners = Generate(new StartingMetricOptions { MerakiBase = 3, MerakiPerEngagement = 0, MerakiRegisteredPerEngagement = 1 }, n: 600);
        var counts = partners.GroupBy(s => s.MerakiCerts).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([0, 1, 2], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 140, 260)); // 200 ± 4.3 sd
        Assert.InRange(partners.Count(s => s.MerakiRegistered), 240, 360); // 300 ± 12.2 sd
    }

    [Fact]
    public void NoDraws_NoMetrics()
    {
        var partners = Generate(new StartingMetricOptions
        {
            Cspm = new() { PerEngagement = 0, Spread = 0 }, Mspm = new() { PerEngagement = 0, Spread = 0 },
            BlackBelt = NoDraw, Career = NoDraw, Onboard = NoDraw, Adopt = NoDraw, Aap = NoDraw,
            BuyingProgram = NoDraw, AiBookings = NoDraw, PremiumServices = NoDraw, PoweredServices = NoDraw,
        });
        Assert.All(partners, s => Assert.Equal((Maturity.None, Maturity.None, 0, 0.0, 0.0, 0),
            (s.Cspm, s.Mspm, s.CareerCerts, s.OnboardPct, s.BuyingProgramPct, s.PoweredServices)));
    }

    [Fact]
    public void PortfolioSpread_WithoutSpread_SharesAreTheBaseWeights()
    {
        var partners = Generate(new StartingMetricOptions(), new PopulationOptions { PortfolioSpread = new() { Low = 1, Spread = 0 } });
        var baseShares = new PopulationOptions().PortfolioBase.ToArray();
        double sum = baseShares.Sum(); // 0.45 + 0.20 + 0.10 + 0.12 + 0.13 = 1
        Assert.All(partners, s =>
        {
            for (int p = 0; p < baseShares.Length; p++) Assert.Equal(baseShares[p] / sum, s.PortfolioShare[p], 12);
            Assert.Equal(Portfolio.Networking, s.MainPortfolio);
        });

        // The default spread (0.2 + 1.6u) varies them: some partner's Networking share is off 0.45 by more than 0.05.
        Assert.Contains(Generate(new StartingMetricOptions()), s => Math.Abs(s.PortfolioShare[0] - 0.45) > 0.05);
    }
}
