using System.Diagnostics;
using Npgsql;
using PartnerSim.Tests.Integration;
using Xunit.Abstractions;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// PostgreSQL stopped (as by a crash) in the middle of a run: the run stops within seconds with exit code 3 and one line
/// naming the last durable quarter; once the database is back, <c>partnersim resume</c> continues from that quarter,
/// every quarter recorded before the loss is still there, and the run ends as an uninterrupted one.
/// </summary>
[Collection("Postgres")]
public sealed class PostgresLostTests(PrivatePostgres postgres, ITestOutputHelper output)
{
    private const int Partners = 4096, Quarters = 8;

    [PostgresFact]
    public async Task PostgresStoppedMidRun_ExitCode3_ResumeAfterRestartEndsAsUninterrupted()
    {
        var db = await postgres.CreateDatabaseAsync("pg_lost");
        using var tmp = new TempDir();
        var expected = await LaunchRuns.Reference(Partners, Quarters);
        string[] where = ["--postgres", db, "--cluster-id", "pg-lost"];
        bool stopped = false;
        try
        {
            await using var run = LaunchRuns.Cli(null,
                ["run", LaunchRuns.Scenario, "--partners", $"{Partners}", "--quarters", $"{Quarters}", "--leaf-size", "1024", "--out", tmp.File("never"), .. where]);
            var runId = await LaunchRuns.RunId(run);
            int durable = await WaitForDurableQuarter(db, runId, atLeast: 1);
            await postgres.Server.StopAsync(immediate: true);
            stopped = true;
            var clock = Stopwatch.StartNew();
            var code = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
            output.WriteLine($"stopped PostgreSQL with quarter {durable} durable; the run exited {code} after {clock.Elapsed.TotalSeconds:F1} s: {run.Err}");
            Assert.Equal(3, code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the run took {clock.Elapsed.TotalSeconds:F0} s to stop");
            var error = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error: ", StringComparison.Ordinal));
            var named = System.Text.RegularExpressions.Regex.Match(error, @"the last durable quarter is FY\d\dQ\d \((\d+) of 8\)");
            Assert.True(named.Success, error);
            Assert.Contains($"partnersim resume {runId} --postgres", error);
            Assert.False(Directory.Exists(tmp.File("never")), "a stopped run must leave no output");
            int last = int.Parse(named.Groups[1].Value) - 1;
            Assert.True(last >= durable, $"the line names quarter {last}, but quarter {durable} was durable before the stop");

            await postgres.Server.StartAgainAsync();
            stopped = false;
            // Nothing recorded before the loss is lost.
            Assert.Equal(last, await FaultRuns.Scalar<int>(db, $"SELECT durable_quarter FROM partnersim_runs WHERE run_id = '{runId}'"));
            Assert.Equal(last + 1L, await FaultRuns.Scalar<long>(db, $"SELECT count(*) FROM partnersim_run_quarters WHERE run_id = '{runId}'"));

            await using var resume = LaunchRuns.Cli(null, ["resume", runId, "--out", tmp.File("resumed"), "--quiet", .. where]);
            Assert.Equal(0, await resume.WaitForExitAsync(TimeSpan.FromMinutes(3)));
            LaunchRuns.AssertSameFigures(expected, tmp.File("resumed"));
            using var actual = PartnerSim.Runs.Chaos.SummaryComparison.Read(tmp.File("resumed"));
            Assert.Equal(expected.RootElement.GetProperty("perQuarter")[last + 1].GetProperty("quarter").GetString(),
                actual.RootElement.GetProperty("faults").GetProperty("resumedAt").GetString());
        }
        finally
        {
            if (stopped) await postgres.Server.StartAgainAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<int> WaitForDurableQuarter(string db, string runId, int atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var durable = await FaultRuns.Scalar<int>(db, $"SELECT coalesce(max(durable_quarter), -1) FROM partnersim_runs WHERE run_id = '{runId}'");
            if (durable >= atLeast) return durable;
            await Task.Delay(100);
        }
        throw new TimeoutException($"quarter {atLeast} of {runId} was not recorded in 3 minutes");
    }
}
