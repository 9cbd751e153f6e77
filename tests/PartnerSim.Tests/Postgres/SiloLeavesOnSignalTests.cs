using Npgsql;
using Orleans.Runtime;
using PartnerSim.Tests.Signals;
using Xunit.Abstractions;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// The stand-alone silo (PartnerSim.Silo.dll, a process of its own) stops gracefully on SIGTERM and on Ctrl+C: it
/// exits 0 and leaves the cluster, its row in PostgreSQL's membership table going from Active to Dead. So does the
/// in-process silo of a <c>run --postgres</c> cancelled in the middle of a quarter, which writes nothing.
/// </summary>
[Collection("Postgres")]
public sealed class SiloLeavesOnSignalTests(PrivatePostgres postgres, ITestOutputHelper output)
{
    private async Task StopsAndLeaves(int signal, string database)
    {
        var db = await postgres.CreateDatabaseAsync(database);
        using var silo = SignalledChild.Start("PartnerSim.Silo.dll", new Dictionary<string, string>(),
            "--postgres", db, "--cluster-id", database);
        await silo.WaitForLine(l => l.Contains("up in cluster", StringComparison.Ordinal), TimeSpan.FromSeconds(90), "the silo's start line");
        Assert.Equal([(int)SiloStatus.Active], await Statuses(db, database));

        silo.Signal(signal);
        var (code, afterSignal) = await silo.WaitForExit(TimeSpan.FromSeconds(60));
        output.WriteLine($"signal {signal}: silo exit {code?.ToString() ?? "none"} {afterSignal.TotalSeconds:F2} s after it");
        Assert.True(code == 0, $"exit {code?.ToString() ?? "none (still running)"}\n{string.Join('\n', silo.Stderr)}");
        // Graceful, so not held to the 2 s a run gets: Orleans' own shutdown timeout is 30 s.
        Assert.True(afterSignal < TimeSpan.FromSeconds(30), $"stopped {afterSignal.TotalSeconds:F1} s after the signal");
        Assert.Equal([(int)SiloStatus.Dead], await Statuses(db, database));
    }

    private static async Task<List<int>> Statuses(string db, string clusterId)
    {
        await using var connection = new NpgsqlConnection(db + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM orleansmembershiptable WHERE deploymentid = @c", connection);
        command.Parameters.AddWithValue("c", clusterId);
        var statuses = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) statuses.Add(reader.GetInt32(0));
        return statuses;
    }

    [PostgresFact]
    public async Task CancelledRunOnPostgres_ItsSiloLeavesTheCluster()
    {
        const string database = "run_sigint";
        var db = await postgres.CreateDatabaseAsync(database);
        using var tmp = new Integration.TempDir();
        var parent = tmp.File("runs");
        Directory.CreateDirectory(parent);
        using var run = SignalledChild.Start("partnersim.dll", new Dictionary<string, string> { [Cli.Signals.CommandStage.TraceVariable] = "1" },
            "run", Integration.RepoPaths.Scenario("cisco360-launch.yaml"), "--partners", "500", "--quarters", "40",
            "--postgres", db, "--cluster-id", database, "--quiet", "--out", Path.Combine(parent, "out"));
        await run.WaitForLine(l => l.StartsWith("phase: in FY26Q3", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "the third quarter");
        Assert.Equal([(int)SiloStatus.Active], await Statuses(db, database));

        run.Signal(SignalledChild.SigInt);
        var (code, afterSignal) = await run.WaitForExit(TimeSpan.FromSeconds(60));
        output.WriteLine($"run --postgres, SIGINT in a quarter: exit {code?.ToString() ?? "none"} {afterSignal.TotalSeconds:F2} s after it");
        Assert.True(code == 130, $"exit {code}\n{string.Join('\n', run.Stderr)}");
        // The silo first lets the calls in flight end (partners writing their checkpoints): up to 5 s, then the run goes.
        Assert.True(afterSignal < TimeSpan.FromSeconds(10), $"exited {afterSignal.TotalSeconds:F1} s after the signal");
        Assert.Contains(run.Stderr, l => l.StartsWith("cancelled in FY26Q", StringComparison.Ordinal) && l.EndsWith("; nothing written", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
        Assert.Equal([(int)SiloStatus.Dead], await Statuses(db, database));
    }

    [PostgresFact]
    public Task Sigterm_SiloLeavesTheCluster() => StopsAndLeaves(SignalledChild.SigTerm, "silo_sigterm");

    [PostgresFact]
    public Task Sigint_SiloLeavesTheCluster() => StopsAndLeaves(SignalledChild.SigInt, "silo_sigint");
}
