using System.Text.RegularExpressions;
using PartnerSim.Cli.Signals;
using PartnerSim.Tests.Integration;
using Xunit.Abstractions;

namespace PartnerSim.Tests.Signals;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM stop a run in each of its phases, on both engines: the real CLI runs as a child process,
/// the test waits for the phase (the CLI's PARTNERSIM_TRACE_PHASES lines) and signals it, and the run must exit with
/// 130 or 143 soon after, say where it stopped, and leave neither its output directory nor the temporary one beside it.
/// </summary>
[Collection("Signals")]
public sealed partial class CancelledRunTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The run is asked to stop within 2 s; a loaded CI machine gets more.</summary>
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(5);

    /// <summary>Starting the child and reaching the phase: a silo start takes seconds on a loaded machine.</summary>
    private static readonly TimeSpan PhaseWithin = TimeSpan.FromSeconds(90);

    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private static readonly Dictionary<string, string> Tracing = new() { [CommandStage.TraceVariable] = "1" };

    private async Task<IReadOnlyList<string>> CancelRun(int signal, string phase, TimeSpan after, string[] run,
        Dictionary<string, string>? environment = null)
    {
        var parent = _tmp.File("runs");
        Directory.CreateDirectory(parent);
        string target = Path.Combine(parent, "out");
        using var child = SignalledChild.Start("partnersim.dll", environment ?? Tracing,
            ["run", RepoPaths.Scenario("cisco360-launch.yaml"), .. run, "--quiet", "--out", target]);
        await child.WaitForLine(l => l.StartsWith($"phase: {phase}", StringComparison.Ordinal), PhaseWithin, $"phase '{phase}'");
        if (after > TimeSpan.Zero) await Task.Delay(after);
        child.Signal(signal);
        var (code, afterSignal) = await child.WaitForExit(TimeSpan.FromSeconds(60));
        output.WriteLine($"signal {signal} {phase}: exit {code?.ToString() ?? "none"} {afterSignal.TotalSeconds:F2} s after the signal");
        var stderr = child.Stderr;
        string log = string.Join('\n', stderr);
        Assert.True(code is not null, $"still running a minute after the signal\n{log}");
        Assert.True((signal == SignalledChild.SigInt ? 130 : 143) == code, $"exit {code}\n{log}");
        Assert.True(afterSignal <= ExitWithin, $"exited {afterSignal.TotalSeconds:F1} s after the signal\n{log}");
        Assert.False(Directory.Exists(target), "the output directory exists");
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent)); // the temporary sibling is gone too
        return stderr;
    }

    private static void AssertCancelledLine(IReadOnlyList<string> stderr, string where) =>
        Assert.True(stderr.Contains($"cancelled {where}; nothing written"), $"no 'cancelled {where}' line:\n{string.Join('\n', stderr)}");

    /// <summary>The quarter named in "cancelled in FY27Q2 (quarter 6 of 12); nothing written", checked against its label.</summary>
    private static int CancelledQuarter(IReadOnlyList<string> stderr, int quarters)
    {
        var line = stderr.LastOrDefault(l => l.StartsWith("cancelled ", StringComparison.Ordinal)) ?? "";
        var m = CancelledInQuarter().Match(line);
        Assert.True(m.Success, $"not a 'cancelled in a quarter' line: '{line}'");
        int quarter = int.Parse(m.Groups["n"].Value);
        Assert.Equal(quarters, int.Parse(m.Groups["of"].Value));
        // The scenario starts in FY26Q1: quarter n is FY26Q1 + n − 1.
        int ordinal = 26 * 4 + quarter - 1;
        Assert.Equal($"FY{ordinal / 4}Q{ordinal % 4 + 1}", m.Groups["label"].Value);
        return quarter;
    }

    [GeneratedRegex(@"^cancelled in (?<label>FY\d\dQ\d) \(quarter (?<n>\d+) of (?<of>\d+)\); nothing written$")]
    private static partial Regex CancelledInQuarter();

    // ---- the grain engine (an embedded silo) ----

    [Fact]
    public async Task Grains_SigintWhileCreatingPartners_Cancels()
    {
        var stderr = await CancelRun(SignalledChild.SigInt, "while creating partners", TimeSpan.FromSeconds(0.5),
            ["--partners", "300000"]);
        AssertCancelledLine(stderr, "while creating partners");
    }

    [Fact]
    public async Task Grains_SigtermInAQuarter_CancelsThere()
    {
        var stderr = await CancelRun(SignalledChild.SigTerm, "in FY31Q", TimeSpan.Zero, ["--partners", "100", "--quarters", "400"]);
        Assert.InRange(CancelledQuarter(stderr, 400), 21, 399);
    }

    [Fact]
    public async Task Grains_SigintWhileWriting_Cancels()
    {
        var stderr = await CancelRun(SignalledChild.SigInt, "while writing quarters.csv", TimeSpan.Zero,
            ["--partners", "100", "--quarters", "4"], new(Tracing) { [TestHooks.PauseVariable] = "300" });
        AssertCancelledLine(stderr, "while writing quarters.csv");
    }

    // ---- the in-process engine ----

    [Fact]
    public async Task Inproc_SigtermWhileCreatingPartners_Cancels()
    {
        var stderr = await CancelRun(SignalledChild.SigTerm, "while creating partners", TimeSpan.Zero,
            ["--engine", "inproc", "--partners", "300000"]);
        AssertCancelledLine(stderr, "while creating partners");
    }

    [Fact]
    public async Task Inproc_SigintInAQuarter_CancelsThere()
    {
        var stderr = await CancelRun(SignalledChild.SigInt, "in FY31Q", TimeSpan.Zero,
            ["--engine", "inproc", "--partners", "5000", "--quarters", "400", "--detail", "sample:500"]);
        Assert.InRange(CancelledQuarter(stderr, 400), 21, 399);
    }

    [Fact]
    public async Task Inproc_SigtermWhileWriting_Cancels()
    {
        var stderr = await CancelRun(SignalledChild.SigTerm, "while writing report.html", TimeSpan.Zero,
            ["--engine", "inproc", "--partners", "100", "--quarters", "4"], new(Tracing) { [TestHooks.PauseVariable] = "300" });
        AssertCancelledLine(stderr, "while writing report.html");
    }

    /// <summary>A second Ctrl+C does not wait for the command: it exits at once, and still removes the output being written.</summary>
    [Fact]
    public async Task SecondSigint_ExitsAtOnce()
    {
        var parent = _tmp.File("runs");
        Directory.CreateDirectory(parent);
        string target = Path.Combine(parent, "out");
        // Each file waits 20 s: the first signal alone would take that long to be seen.
        using var child = SignalledChild.Start("partnersim.dll", new Dictionary<string, string>(Tracing) { [TestHooks.PauseVariable] = "20000" },
            "run", RepoPaths.Scenario("cisco360-launch.yaml"), "--engine", "inproc", "--partners", "100", "--quarters", "4",
            "--quiet", "--out", target);
        await child.WaitForLine(l => l == "phase: while writing summary.json", PhaseWithin, "the writing phase");
        var temporary = Assert.Single(Directory.EnumerateDirectories(parent)); // holding the detail file, written as the run went
        Assert.True(File.Exists(Path.Combine(temporary, "partner-quarters.parquet")));
        child.Signal(SignalledChild.SigInt);
        await Task.Delay(200);
        child.Signal(SignalledChild.SigInt);
        var (code, afterSignal) = await child.WaitForExit(TimeSpan.FromSeconds(60));
        output.WriteLine($"second SIGINT: exit {code} {afterSignal.TotalSeconds:F2} s after it");
        Assert.Equal(130, code);
        Assert.True(afterSignal <= ExitWithin, $"exited {afterSignal.TotalSeconds:F1} s after the second signal");
        Assert.Contains("cancelled again: exiting now", child.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }
}

/// <summary>The signal tests run one at a time: each starts a CLI process whose timing they measure.</summary>
[CollectionDefinition("Signals", DisableParallelization = true)]
public sealed class SignalsCollection;
