using System.Diagnostics;
using Npgsql;
using PartnerSim.Silo.Faults;
using PartnerSim.Tests.Integration;
using Xunit.Abstractions;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// The client of a run on PostgreSQL killed half-way through a quarter (its in-process silo dies with it, after one
/// leaf's partners applied and wrote the quarter, before the quarter was recorded); <c>partnersim resume</c> finishes
/// the run, and its summary has the digest and every figure of an uninterrupted run: the partners that had applied the
/// quarter replay their outcome instead of being counted twice.
/// </summary>
[Collection("Postgres")]
public sealed class ClientKilledTests(PrivatePostgres postgres, ITestOutputHelper output)
{
    private const int Partners = 4096, Quarters = 5, KilledIn = 2;

    [PostgresFact]
    public async Task ClientKilledMidQuarter_ResumeEndsWithTheUninterruptedFigures()
    {
        var db = await postgres.CreateDatabaseAsync("client_killed");
        using var tmp = new TempDir();
        var expected = await LaunchRuns.Reference(Partners, Quarters);
        string[] where = ["--postgres", db, "--cluster-id", "client-killed"];
        var clock = Stopwatch.StartNew();

        await using var run = LaunchRuns.Cli(new Dictionary<string, string> { [KillAtLeafStep.Variable] = $"quarter={KilledIn},step=1" },
            ["run", LaunchRuns.Scenario, "--partners", $"{Partners}", "--quarters", $"{Quarters}", "--leaf-size", "1024", "--out", tmp.File("never"), .. where]);
        var runId = await LaunchRuns.RunId(run);
        var code = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"run {runId} killed after {clock.Elapsed.TotalSeconds:F1} s (exit {code}): {run.Err}");
        Assert.Equal(137, code); // SIGKILL
        Assert.False(Directory.Exists(tmp.File("never")), "a killed run must leave no output");

        // The quarter under way was applied by some partners (a whole leaf wrote it), and not recorded.
        Assert.Equal(KilledIn - 1, await FaultRuns.Scalar<int>(db, $"SELECT durable_quarter FROM partnersim_runs WHERE run_id = '{runId}'"));
        int applied = KilledIn + 2; // state versions: creation 1, then one per quarter
        long ahead = await FaultRuns.Scalar<long>(db, $"SELECT count(*) FROM orleansstorage WHERE graintypestring = 'partner' AND version = {applied}");
        output.WriteLine($"{ahead} of {Partners} partners had written quarter {KilledIn}");
        Assert.InRange(ahead, 1024, Partners - 1);

        clock.Restart();
        await using var resume = LaunchRuns.Cli(null, ["resume", runId, "--out", tmp.File("resumed"), "--quiet", .. where]);
        Assert.Equal(0, await resume.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        output.WriteLine($"resumed in {clock.Elapsed.TotalSeconds:F1} s: {resume.Err}");
        LaunchRuns.AssertSameFigures(expected, tmp.File("resumed"));
        using var actual = PartnerSim.Runs.Chaos.SummaryComparison.Read(tmp.File("resumed"));
        var faults = actual.RootElement.GetProperty("faults");
        Assert.Equal(runId, faults.GetProperty("runId").GetString());
        Assert.Equal(expected.RootElement.GetProperty("perQuarter")[KilledIn].GetProperty("quarter").GetString(), faults.GetProperty("resumedAt").GetString());

        await using var runs = LaunchRuns.Cli(null, ["runs", "--connect", db]);
        Assert.Equal(0, await runs.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        var line = runs.Out.Split('\n').Single(l => l.StartsWith(runId, StringComparison.Ordinal));
        Assert.Contains($" completed ", line);
        Assert.Contains($"({Quarters} of {Quarters})", line);
        Assert.EndsWith(expected.RootElement.GetProperty("digest").GetString()!, line.TrimEnd());
        NpgsqlConnection.ClearAllPools();
    }
}
