using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using Orleans.Runtime;
using PartnerSim.Silo;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// A silo leaves a PostgreSQL-backed cluster between two quarters (a rolling restart): its partners, cohorts
/// and run grain are activated again on the remaining silo from storage, and the run ends with the digest of
/// the in-process loop, for a generated population and for a roster.
/// </summary>
[Collection("Postgres")]
public sealed class SiloLeavesTests(PrivatePostgres postgres)
{
    private static ScenarioOptions Options(int partners) => new()
    {
        Run = new RunOptions { Name = "silo-leaves", Seed = 77, Quarters = 4 },
        Population = new PopulationOptions { Partners = partners },
    };

    private async Task<(RunResult Expected, RunResult Actual)> RunWhileASiloLeaves(string database, bool roster)
    {
        var db = await postgres.CreateDatabaseAsync(database);
        var options = Options(4096);
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        var cuts = generator.ComputeTierCuts();
        List<PartnerState>? partners = roster
            ? Enumerable.Range(1, 4096).Select(id => generator.Create(id, cuts, new PartnerSim.Model.Random.CounterRandom(77))).ToList()
            : null;
        var expected = EngineLoop.Run(rules, partners is null ? new GeneratedPartners(generator, cuts) : new ListedPartners(partners), 0);

        var silo = new SiloHostOptions { Postgres = db, ClusterId = database, ServiceId = database };
        using var first = ClusterSilo.Build(silo);
        using var second = ClusterSilo.Build(silo);
        IHost[] silos = [first, second];
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        IHost? left = null;
        using var client = ClusterClient.BuildClient(db, database);
        await client.StartAsync();
        try
        {
            int partnersOnLeavingSilo = 0;
            var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            var actual = await new QuarterDriver(client.Services.GetRequiredService<IClusterClient>()).Run(
                options, database, partners, new CohortShape { LeafSize = 1024, FanOut = 2 }, checkpointEvery: 1,
                progress: (phase, quarter, _) =>
                {
                    // Before quarter 2: half the cluster goes away, with its share of partners and cohorts.
                    // Before quarter 2 the silo holding more partners leaves, with its share of cohorts too.
                    if (phase != QuarterDriver.Phase.Stepping || quarter != 2 || left is not null) return;
                    var statistics = management.GetSimpleGrainStatistics().GetAwaiter().GetResult();
                    int PartnersOn(IHost host)
                    {
                        var address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
                        return statistics.Where(s => s.SiloAddress.Equals(address) && s.GrainType.Contains("PartnerGrain"))
                            .Sum(s => s.ActivationCount);
                    }
                    left = silos.MaxBy(PartnersOn)!;
                    partnersOnLeavingSilo = PartnersOn(left);
                    left.StopAsync().GetAwaiter().GetResult();
                });
            Assert.True(left is not null, "a silo left during the run");
            // Only meaningful if the leaving silo held partners that had to be activated again elsewhere.
            Assert.True(partnersOnLeavingSilo > 0, "the leaving silo held no partners");
            return (expected, actual);
        }
        finally
        {
            await client.StopAsync();
            foreach (var host in silos.Where(h => h != left)) await host.StopAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    [PostgresFact]
    public async Task GeneratedPopulation_SiloLeavesBetweenQuarters_SameDigest()
    {
        var (expected, actual) = await RunWhileASiloLeaves("leaves_generated", roster: false);
        Assert.Equal(expected.Digest, actual.Digest);
        for (int q = 0; q < expected.PerQuarter.Count; q++)
            Assert.True(expected.PerQuarter[q].ToBytes().AsSpan().SequenceEqual(actual.PerQuarter[q].ToBytes()), $"quarter {q}");
    }

    [PostgresFact]
    public async Task Roster_SiloLeavesBetweenQuarters_SameDigest()
    {
        var (expected, actual) = await RunWhileASiloLeaves("leaves_roster", roster: true);
        Assert.Equal(expected.Digest, actual.Digest);
    }
}
