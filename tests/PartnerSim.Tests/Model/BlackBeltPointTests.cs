using PartnerSim.Inputs.Scenarios;
using PartnerSim.Model.Behaviour;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Model;

/// <summary>
/// Black Belt points (§3): a certificate weighs its stage's points (rules.blackBeltStagePoints, 1 / 1.5 / 2), a
/// registered Meraki cert adds rules.merakiBlackBeltPoints (0.5), and the generator's starting certificates
/// are at each stage in the shares of population.blackBeltStageMix (0.6 / 0.3 / 0.1).
/// </summary>
public class BlackBeltPointTests
{
    private static int BlackBeltIndex(ScoringOptions o, MetricInputs x)
    {
        var idx = new int[Metrics.Count];
        PviScorer.Indexes(new ScoringRules(o), x, inGrace: false, idx);
        return idx[(int)Metric.BlackBelt];
    }

    [Theory]
    [InlineData(0.5, 6)] // 5 + 2 × 0.5 = 6 points vs target 10 → 6 (the default)
    [InlineData(1.0, 7)] // 5 + 2 × 1 = 7
    [InlineData(0.0, 5)] // Meraki certs add nothing to Black Belt (they still count as career certs)
    public void MerakiPoints(double points, int expected)
    {
        var x = new MetricInputs { Size = PartnerSize.M, BlackBeltHalfPoints = 10, RegisteredMerakiCerts = 2, CareerCerts = 3 };
        var o = new ScoringOptions { MerakiBlackBeltPoints = points };
        Assert.Equal(expected, BlackBeltIndex(o, x));
        var idx = new int[Metrics.Count];
        PviScorer.Indexes(new ScoringRules(o), x, inGrace: false, idx);
        Assert.Equal(10, idx[(int)Metric.Career]); // 3 + 2 = 5 certs vs target 5
    }

    [Theory]
    [InlineData(1.0, 4)] // 20 employees × 0.1 = 2 stage-1 certificates × 1 point = 4 half-points
    [InlineData(2.0, 8)] // × 2 points
    [InlineData(1.5, 6)]
    public void Training_EarnsStageOnePoints(double stage1Points, int halfPoints)
    {
        var options = ModelFixtures.Quiet() with
        {
            Rules = new ScoringOptions { BlackBeltStagePoints = new() { Stage1 = stage1Points, Stage2 = 1.5, Stage3 = 2 } },
        };
        var book = new RuleBook(options);
        var s = ModelFixtures.Complete(ModelFixtures.Networker(1), book); // 20 employees
        ActionPlanner.ApplyPaid(s, ProgramAction.BlackBeltTraining, 0, book);
        Assert.Equal(halfPoints, s.BlackBeltHalfPoints[0]);
    }

    /// <summary>Total starting half-points of 300 generated size-M Gold partners.</summary>
    private static long StartingHalfPoints(PerStage<double> mix, PerStage<double>? points = null)
    {
        var book = new RuleBook(new ScenarioOptions
        {
            Population = new PopulationOptions { BlackBeltStageMix = mix },
            Rules = new ScoringOptions { BlackBeltStagePoints = points ?? new() { Stage1 = 1, Stage2 = 1.5, Stage3 = 2 } },
        });
        var gen = new PopulationGenerator(book);
        var rng = new CounterRandom(5);
        long total = 0;
        for (int id = 1; id <= 300; id++)
            foreach (var h in gen.Create(id, LegacyTier.Gold, 4_000_000, rng).BlackBeltHalfPoints) total += h;
        return total;
    }

    [Fact]
    public void StageMix_AndStagePoints_WeighTheStartingCertificates()
    {
        // The number of certificates is drawn before their stages, so every mix sees the same N: all stage 1
        // weighs 2N half-points, all stage 3 4N, all stage 3 at 0.5 points N.
        long stage1 = StartingHalfPoints(new() { Stage1 = 1, Stage2 = 0, Stage3 = 0 });
        Assert.True(stage1 > 0 && stage1 % 2 == 0, $"{stage1}");
        Assert.Equal(2 * stage1, StartingHalfPoints(new() { Stage1 = 0, Stage2 = 0, Stage3 = 1 }));
        Assert.Equal(stage1 / 2, StartingHalfPoints(new() { Stage1 = 0, Stage2 = 0, Stage3 = 1 }, new() { Stage1 = 1, Stage2 = 1.5, Stage3 = 0.5 }));
        Assert.Equal(3 * stage1 / 2, StartingHalfPoints(new() { Stage1 = 0, Stage2 = 1, Stage3 = 0 }));

        // The default mix lies in between: 2N < total < 4N, about (0.6 × 2 + 0.3 × 3 + 0.1 × 4) N = 2.5 N.
        long mixed = StartingHalfPoints(new() { Stage1 = 0.6, Stage2 = 0.3, Stage3 = 0.1 });
        Assert.InRange(mixed / (stage1 / 2.0), 2.3, 2.7);
    }

    [Theory]
    [InlineData("rules:\n  merakiBlackBeltPoints: 0.25\n", "rules.merakiBlackBeltPoints", "must be a multiple of 0.5")]
    [InlineData("rules:\n  blackBeltStagePoints: { stage2: 1.2 }\n", "rules.blackBeltStagePoints.stage2", "must be a multiple of 0.5")]
    [InlineData("population:\n  blackBeltStageMix: { stage1: 0.5 }\n", "population.blackBeltStageMix", "stage shares sum to 0.9, not 1")]
    public void Refused(string yaml, string key, string message)
    {
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(yaml, "s.yaml")).Errors);
        Assert.Equal(key, e.KeyPath);
        Assert.Contains(message, e.Message);
    }
}
