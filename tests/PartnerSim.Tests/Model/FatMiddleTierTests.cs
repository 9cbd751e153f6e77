using PartnerSim.Inputs.Scenarios;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Model;

/// <summary>
/// §5: the fat middle is the middle layers of the legacy pyramid, Select and Premier by default;
/// population.fatMiddleTiers says which, and the generator's archetype mix and a fatMiddle enrolment follow it.
/// </summary>
public class FatMiddleTierTests
{
    [Fact]
    public void TheDefault_IsSelectAndPremier()
    {
        var fm = new PopulationOptions().FatMiddle;
        Assert.Equal([LegacyTier.Select, LegacyTier.Premier], fm.Tiers);
        Assert.False(fm.Contains(LegacyTier.Registered));
        Assert.False(fm.Contains(LegacyTier.Gold));
        Assert.Equal(fm, TierSet.DefaultFatMiddle);
    }

    /// <summary>One generated partner per tier, under a fat-middle mix of all Waiting and an other mix of all Strategist,
    /// all of the fat middle enrolled in Drive to Five.</summary>
    private static Dictionary<LegacyTier, PartnerState> OnePerTier(List<LegacyTier>? fatMiddle)
    {
        var population = new PopulationOptions
        {
            FatMiddleArchetypes = new() { Strategist = 0, Traditionalist = 0, Unaware = 0, Waiting = 1 },
            OtherArchetypes = new() { Strategist = 1, Traditionalist = 0, Unaware = 0, Waiting = 0 },
            Managed = [new Enrolment { Segment = Segment.FatMiddle, Program = ManagedBy.DriveToFive, Share = 1 }],
        };
        if (fatMiddle is not null) population = population with { FatMiddleTiers = fatMiddle };
        var gen = new PopulationGenerator(new RuleBook(new ScenarioOptions { Population = population }));
        var rng = new CounterRandom(11);
        return Enum.GetValues<LegacyTier>().ToDictionary(t => t, t => gen.Create(1 + (int)t, t, 4_000_000, rng));
    }

    [Fact]
    public void Default_SelectAndPremier_AreWaiting_AndEnrolled()
    {
        var p = OnePerTier(null);
        Assert.Equal([Archetype.Strategist, Archetype.Waiting, Archetype.Waiting, Archetype.Strategist],
            Enum.GetValues<LegacyTier>().Select(t => p[t].Archetype));
        Assert.Equal([ManagedBy.None, ManagedBy.DriveToFive, ManagedBy.DriveToFive, ManagedBy.None],
            Enum.GetValues<LegacyTier>().Select(t => p[t].ManagedBy));
    }

    [Fact]
    public void GoldAsTheFatMiddle_MovesTheMix_AndTheEnrolment()
    {
        var p = OnePerTier([LegacyTier.Gold]);
        Assert.Equal([Archetype.Strategist, Archetype.Strategist, Archetype.Strategist, Archetype.Waiting],
            Enum.GetValues<LegacyTier>().Select(t => p[t].Archetype));
        Assert.Equal([ManagedBy.None, ManagedBy.None, ManagedBy.None, ManagedBy.DriveToFive],
            Enum.GetValues<LegacyTier>().Select(t => p[t].ManagedBy));
    }

    [Fact]
    public void AScenario_SetsTheTiers()
    {
        var o = ScenarioLoader.LoadText("population:\n  fatMiddleTiers: [registered, select]\n", "s.yaml");
        Assert.Equal([LegacyTier.Registered, LegacyTier.Select], o.Population.FatMiddle.Tiers);
        var bad = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText("population:\n  fatMiddleTiers: [silver]\n", "s.yaml")).Errors);
        Assert.Equal("population.fatMiddleTiers[0]", bad.KeyPath);
    }

    [Fact]
    public void TheReportedFatMiddle_IsTheTiersSet()
    {
        var options = new ScenarioOptions
        {
            Run = new RunOptions { Quarters = 3 },
            Population = new PopulationOptions { Partners = 2000, FatMiddleTiers = [LegacyTier.Premier, LegacyTier.Gold] },
        };
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        var result = EngineLoop.Run(rules, new GeneratedPartners(generator, generator.ComputeTierCuts()));
        var report = new PartnerSim.Analytics.Reports.RunReport(rules, result, "inproc", 1, 0.9);
        for (int q = 0; q < 3; q++)
        {
            var fm = report.Figure($"fatMiddle.partners@{q}");
            Assert.Equal(report.Figure($"tiers.premier.partners@{q}") + report.Figure($"tiers.gold.partners@{q}"), fm);
            Assert.True(fm > 0);
            Assert.Equal(report.Figure($"tiers.premier.losing@{q}") + report.Figure($"tiers.gold.losing@{q}"), report.Figure($"fatMiddle.losing@{q}"));
        }
    }
}
