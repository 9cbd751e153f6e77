using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Runs;
using PartnerSim.Runs.Cluster;
using PartnerSim.Silo;
using Xunit.Abstractions;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// The same scenario and seed give the same digest and every quarter's figures on one, two and three silo processes
/// (state in PostgreSQL), on the embedded in-memory silo (state written every quarter, and never), and in the plain
/// in-process loop.
/// </summary>
[Collection("Postgres")]
public sealed class TopologyTests(PrivatePostgres postgres, ITestOutputHelper output)
{
    private static readonly CohortShape Shape = new() { LeafSize = 1024, FanOut = 2 };

    [PostgresFact]
    public async Task OneTwoThreeSilos_AndMemory_SameDigestAndFigures()
    {
        var options = FaultRuns.Options("topology", partners: 4096, quarters: 4);
        var expected = FaultRuns.InProc(options);

        using (var embedded = EmbeddedSilo.Build())
        {
            await embedded.StartAsync();
            var grains = embedded.Services.GetRequiredService<IGrainFactory>();
            foreach (int every in new[] { 1, 0 })
                FaultRuns.AssertSameRun(expected, await new QuarterDriver(grains).Run(options, $"memory-{every}", shape: Shape, checkpointEvery: every));
            await embedded.StopAsync();
        }

        var db = await postgres.CreateDatabaseAsync("topology");
        var silos = new List<ChildProcess>();
        try
        {
            for (int n = 1; n <= 3; n++)
            {
                var clock = Stopwatch.StartNew();
                silos.Add(await SiloProcess.StartAsync(db, "topology"));
                using var client = ClusterClient.BuildClient(db, "topology");
                await client.StartAsync();
                var grains = client.Services.GetRequiredService<IClusterClient>();
                var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                Assert.Equal(n, hosts.Count);
                var actual = await new QuarterDriver(grains).Run(options, $"silos-{n}", shape: Shape, checkpointEvery: 1);
                var placed = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
                output.WriteLine($"{n} silo(s): run in {clock.Elapsed.TotalSeconds:F1} s; partners per silo: " + string.Join(", ",
                    placed.Where(s => s.GrainType.Contains("PartnerGrain")).GroupBy(s => s.SiloAddress).Select(g => g.Sum(s => s.ActivationCount))));
                FaultRuns.AssertSameRun(expected, actual);
                await client.StopAsync();
            }
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
