using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PartnerSim.Grains.Cohorts;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Partners;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;
using PartnerSim.Runs.Cluster;
using PartnerSim.Silo;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// A quarter asked again of a partner that applied it (on a silo process, state in PostgreSQL) answers with the
/// outcome it stored and leaves the partner as it was: in the same activation, and after the partner was deactivated
/// and read back from the database. The reference is the partner's own quarters worked out by the model alone.
/// </summary>
[Collection("Postgres")]
public sealed class QuarterReplayTests(PrivatePostgres postgres)
{
    private const long Id = 777;

    [PostgresFact]
    public async Task RepeatedQuarterRequest_AnswersTheStoredOutcome_AndAppliesOnce()
    {
        var options = FaultRuns.Options("replay", partners: 2048, quarters: 3);
        int last = options.Run.Quarters - 1;
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        var state = generator.Create(Id, generator.ComputeTierCuts(), new CounterRandom(options.Run.Seed));
        PartnerOutcome outcome = default;
        for (int q = 0; q <= last; q++) outcome = PartnerStep.Run(state, q, rules, new CounterRandom(options.Run.Seed));
        var expectedOutcome = Reduced(last, outcome);
        var expectedState = PartnerStateCodec.ToBytes(state);

        var db = await postgres.CreateDatabaseAsync("replay");
        await using var silo = await SiloProcess.StartAsync(db, "replay");
        using var client = ClusterClient.BuildClient(db, "replay");
        await client.StartAsync();
        try
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            const string runKey = "replay-run";
            var run = await new QuarterDriver(grains).Run(options, runKey, shape: new CohortShape { LeafSize = 1024, FanOut = 2 }, checkpointEvery: 1);
            var partner = grains.GetGrain<IPartnerGrain>(Id, runKey);
            Assert.Equal(expectedState, await partner.StateBytes());
            long version = await Version(db);
            Assert.Equal(1 + options.Run.Quarters, version); // written at creation and after each quarter

            // Asked again in the same activation: the stored outcome, nothing stepped, nothing written.
            Assert.Equal(expectedOutcome, Reduced(last, await partner.Step(last)));
            Assert.Equal(expectedState, await partner.StateBytes());
            Assert.Equal(version, await Version(db));

            // Every activation dropped: the partner (and the cohort tree) come back from PostgreSQL and replay.
            await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            Assert.Equal(expectedOutcome, Reduced(last, await partner.Step(last)));
            Assert.Equal(expectedState, await partner.StateBytes());
            Assert.Equal(version, await Version(db));
            var root = grains.GetGrain<ICohortGrain>(0, runKey);
            Assert.Equal(run.PerQuarter[last].ToBytes(), (await root.Step(last, null, CancellationToken.None)).ToBytes());

            // An older quarter is refused, not applied again.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await partner.Step(last - 1));
            Assert.Contains($"partner {Id} is at quarter {last}", refused.Message);
        }
        finally
        {
            await client.StopAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static byte[] Reduced(int quarter, PartnerOutcome outcome)
    {
        var stats = new QuarterStats(quarter);
        stats.Add(outcome);
        return stats.ToBytes();
    }

    private static Task<int> Version(string db) => FaultRuns.Scalar<int>(db,
        $"SELECT version FROM orleansstorage WHERE graintypestring = 'partner' AND grainidn1 = {Id} AND grainidextensionstring LIKE '%replay-run%'");
}
