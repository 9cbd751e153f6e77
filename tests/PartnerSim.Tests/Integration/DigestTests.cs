using PartnerSim.Model.Figures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;
using PartnerSim.Silo;

namespace PartnerSim.Tests.Integration;

/// <summary>
/// Rule book §6 "Randomness": results are identical whatever the number of silos, threads or restarts. The
/// final-state digest and every quarter's reduced statistics must agree between the in-process loop (any
/// thread count), a 2-silo test cluster with different cohort trees and checkpoint settings, and the
/// embedded single-silo host.
/// </summary>
public sealed class DigestTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    private const ulong Seed = 20260125;

    private static ScenarioOptions Options(ulong seed = Seed, int partners = 2500, int quarters = 5) => new()
    {
        Run = new RunOptions { Name = "digest-test", Seed = seed, Quarters = quarters },
        Population = new PopulationOptions { Partners = partners },
    };

    private static RunResult InProc(ScenarioOptions options, int maxThreads = 0)
    {
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        return EngineLoop.Run(rules, new GeneratedPartners(generator, generator.ComputeTierCuts()), maxThreads);
    }

    private static void AssertSameStats(RunResult expected, RunResult actual)
    {
        Assert.Equal(expected.Partners, actual.Partners);
        Assert.Equal(expected.PerQuarter.Count, actual.PerQuarter.Count);
        for (int q = 0; q < expected.PerQuarter.Count; q++)
            Assert.True(expected.PerQuarter[q].ToBytes().AsSpan().SequenceEqual(actual.PerQuarter[q].ToBytes()),
                $"quarter {q}: per-quarter stats bytes differ");
    }

    private static int s_run;
    private static string RunKey(string what) => $"digest-test/{what}/{Interlocked.Increment(ref s_run)}";

    [Fact]
    public void InProc_SameSeed_SameDigest_DifferentSeed_DifferentDigest()
    {
        var first = InProc(Options());
        var again = InProc(Options());
        var other = InProc(Options(seed: Seed + 1));

        Assert.Matches("^[0-9a-f]{64}$", first.Digest);
        Assert.Equal(first.Digest, again.Digest);
        AssertSameStats(first, again);
        Assert.NotEqual(first.Digest, other.Digest);
        Assert.Equal(5, first.PerQuarter.Count);
        Assert.Equal(2500, first.PerQuarter[0].Total(QuarterFigures.Active));
    }

    [Fact]
    public void InProc_OneThread_And_TwoThreads_Agree()
    {
        // EngineLoop works in chunks of one digest block (1,024 partners): 10,000 partners make ten chunks, so
        // two threads really do split the population.
        var options = Options(partners: 10_000, quarters: 4);
        var one = InProc(options, maxThreads: 1);
        var two = InProc(options, maxThreads: 2);
        Assert.Equal(one.Digest, two.Digest);
        AssertSameStats(one, two);
    }

    [Fact]
    public async Task Grains_MultiLevelTree_MatchesInProc_DigestAndStats()
    {
        var options = Options();
        var expected = InProc(options);
        // 2,500 partners in leaves of 1,024 = 3 leaves; fan-out 2 gives root → {2 leaves, 1 leaf}: three levels.
        var actual = await new QuarterDriver(fixture.Cluster.GrainFactory)
            .Run(options, RunKey("tree-1024x2"), shape: new CohortShape { LeafSize = 1024, FanOut = 2 });
        Assert.Equal(expected.Digest, actual.Digest);
        AssertSameStats(expected, actual);
    }

    [Fact]
    public async Task Grains_NoCheckpoints_OtherShape_SameDigest()
    {
        var options = Options();
        var expected = InProc(options);
        var actual = await new QuarterDriver(fixture.Cluster.GrainFactory)
            .Run(options, RunKey("tree-2048x16-nockpt"), shape: new CohortShape { LeafSize = 2048, FanOut = 16 }, checkpointEvery: 0);
        Assert.Equal(expected.Digest, actual.Digest);
        AssertSameStats(expected, actual);
    }

    [Fact]
    public async Task Grains_DifferentSeed_DifferentDigest()
    {
        var driver = new QuarterDriver(fixture.Cluster.GrainFactory);
        var shape = new CohortShape { LeafSize = 1024, FanOut = 2 };
        var a = await driver.Run(Options(), RunKey("seed-a"), shape: shape);
        var b = await driver.Run(Options(seed: Seed + 1), RunKey("seed-b"), shape: shape);
        Assert.NotEqual(a.Digest, b.Digest);
        Assert.Equal(InProc(Options(seed: Seed + 1)).Digest, b.Digest);
    }

    [Fact]
    public async Task EmbeddedSilo_MatchesInProc()
    {
        var options = Options();
        var expected = InProc(options);
        using var host = EmbeddedSilo.Build();
        await host.StartAsync();
        try
        {
            var actual = await new QuarterDriver(host.Services.GetRequiredService<IGrainFactory>())
                .Run(options, RunKey("embedded"), shape: new CohortShape { LeafSize = 1024, FanOut = 2 });
            Assert.Equal(expected.Digest, actual.Digest);
            AssertSameStats(expected, actual);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
