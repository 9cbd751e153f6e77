using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Runs;
using PartnerSim.Runs.Cluster;
using PartnerSim.Silo;
using PartnerSim.Silo.Faults;
using Xunit.Abstractions;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// A silo process killed (SIGKILL) half-way through a quarter, with other silos up: the driver notices the failed
/// subtrees, asks them again, the lost partners are activated on the survivors from their last written state, and the
/// run ends with the digest and every quarter's figures of the in-process loop.
/// </summary>
[Collection("Postgres")]
public sealed class SiloKilledTests(PrivatePostgres postgres, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task SiloKilledMidQuarter_RunEndsWithTheUninterruptedDigestAndFigures()
    {
        var db = await postgres.CreateDatabaseAsync("silo_killed");
        const string cluster = "killed";
        var options = FaultRuns.Options("silo-killed", partners: 4096, quarters: 4);
        var expected = FaultRuns.InProc(options);
        var marker = Path.Combine(Path.GetTempPath(), $"partnersim-kill-{Guid.NewGuid():N}");
        // Every silo carries the fault; the first to finish a leaf of quarter 2 claims the marker and dies before that
        // leaf answers (whichever silos the leaves were placed on, one of them steps a leaf first).
        var fault = new Dictionary<string, string> { [KillAtLeafStep.Variable] = $"quarter=2,step=1,once={marker}" };
        var clock = Stopwatch.StartNew();
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SiloProcess.StartAsync(db, cluster, fault)));
        output.WriteLine($"3 silos up in {clock.Elapsed.TotalSeconds:F1} s");
        using var client = ClusterClient.BuildClient(db, cluster);
        await client.StartAsync();
        try
        {
            clock.Restart();
            var driver = new QuarterDriver(client.Services.GetRequiredService<IClusterClient>());
            var actual = await driver.Run(options, "killed-run", shape: new CohortShape { LeafSize = 1024, FanOut = 4 }, checkpointEvery: 1,
                progress: (phase, q, _) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s {phase} {q}"));
            output.WriteLine($"run in {clock.Elapsed.TotalSeconds:F1} s; retries {driver.Faults.Retries}, recovery {driver.Faults.RecoverySeconds:F1} s");
            foreach (var r in driver.Faults.Recovered)
                output.WriteLine($"quarter {r.Quarter}: {r.Retries} retries, {r.RecoverySeconds:F1} s: {string.Join(" | ", r.Errors)}");

            Assert.True(File.Exists(marker), "no silo was killed");
            Assert.Equal(1, silos.Count(s => s.HasExited));
            FaultRuns.AssertSameRun(expected, actual);
            Assert.True(driver.Faults.Retries >= 1, "the killed silo's subtree was not asked again");
            var recovered = Assert.Single(driver.Faults.Recovered);
            Assert.Equal(2, recovered.Quarter);
            Assert.InRange(recovered.RecoverySeconds, 0, recovered.Seconds);
            Assert.True(recovered.LostSeconds > 0, $"the killed quarter took {recovered.Seconds:F1} s, {recovered.LostSeconds:F1} s more than a clean one");
        }
        finally
        {
            await client.StopAsync();
            foreach (var silo in silos)
            {
                output.WriteLine($"--- silo {silo.Id}{(silo.HasExited ? " (killed)" : "")}:\n{silo.Out}{silo.Err}");
                await silo.DisposeAsync();
            }
            File.Delete(marker);
            NpgsqlConnection.ClearAllPools();
        }
    }
}
