using System.Diagnostics;
using System.Globalization;
using PartnerSim.Runs.Cluster;
using PartnerSim.Runs.Durable;

namespace PartnerSim.Runs.Chaos;

/// <summary>What the failure drill runs: a scenario (optionally resized), the seed of its fault schedule, the cluster.</summary>
public sealed record DrillSettings(string Scenario, int? Partners = null, int? Quarters = null, ulong Seed = 1, int Silos = 3, int SiloKills = 2)
{
    /// <summary>Where the run writes its outputs; null: a temporary directory, deleted afterwards.</summary>
    public string? Out { get; init; }
}

/// <summary>One fault injected and how long the run took to record the quarter it interrupted.</summary>
public sealed record InjectedFault(ScheduledFault Fault, string What, double RecoverySeconds);

/// <param name="Differences">What differs from the in-process run's summary; empty when the drill passed.</param>
public sealed record DrillReport(string RunId, IReadOnlyList<InjectedFault> Faults, IReadOnlyList<string> Differences, double UsualQuarterSeconds,
    double WallSeconds)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// The failure drill: a private PostgreSQL, a cluster of silo processes, and the scenario run by a client process
/// (<c>partnersim run --connect</c>), during which, on a seeded schedule (<see cref="FaultSchedule"/>), silos are killed
/// (SIGKILL) part-way through a quarter and replaced, the client is killed and the run resumed, and PostgreSQL is
/// stopped hard (the client must stop with exit code 3) and started again, and the run resumed. Each fault's recovery
/// time runs from its injection to the moment the interrupted quarter is recorded durable. At the end the run's
/// summary must agree with the in-process engine's run of the same scenario (<see cref="SummaryComparison"/>).
/// </summary>
public sealed class ChaosDrill(DrillSettings settings, Action<string> say)
{
    private const string Cluster = "chaos";
    /// <summary>A run that records no quarter for this long is stuck: the drill fails.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(15);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double> _quarterSeconds = [];
    private string _db = "";
    private string _runId = "";
    private int _durable = -1;
    private TimeSpan _durableAt;

    public async Task<DrillReport> RunAsync()
    {
        var input = ScenarioInput.Load(settings.Scenario, settings.Partners, settings.Quarters);
        int partners = input.Roster?.Count ?? input.Options.Population.Partners, quarters = input.Rules.Quarters;
        var schedule = FaultSchedule.Draw(settings.Seed, quarters, settings.SiloKills, settings.Silos);
        Say($"drill seed {settings.Seed}: {input.Options.Run.Name}, {partners:N0} partners × {quarters} quarters on {settings.Silos} silos; faults: " +
            string.Join(", ", schedule.Select(f => $"{Describe(f, input)}")));

        Say("reference: the in-process engine");
        using var expected = await SummaryComparison.ReferenceAsync(input);

        await using var postgres = await PostgresServer.StartAsync();
        _db = await postgres.CreateDatabaseAsync("chaos");
        Say($"private PostgreSQL on 127.0.0.1:{postgres.Port}");
        var silos = await Task.WhenAll(Enumerable.Range(0, settings.Silos).Select(_ => SiloProcess.StartAsync(_db, Cluster)));
        Say($"{settings.Silos} silos up: processes {string.Join(", ", silos.Select(s => s.Id))}");
        var outDir = settings.Out ?? Directory.CreateTempSubdirectory("partnersim-chaos-").FullName;
        string[] connect = ["--connect", _db, "--cluster-id", Cluster, "--out", outDir];
        ChildProcess? client = null;
        var injected = new List<InjectedFault>();
        try
        {
            client = Cli(["run", settings.Scenario, "--partners", $"{partners}", "--quarters", $"{quarters}", "--detail", "none", .. connect]);
            _runId = (await client.WaitForLineAsync(l => l.StartsWith("run id ", StringComparison.Ordinal), TimeSpan.FromMinutes(5)))["run id ".Length..].Trim();
            Say($"client {client.Id} runs {_runId}");
            foreach (var fault in schedule)
            {
                await WaitForDurable(fault.Quarter - 1, client);
                var usual = UsualQuarter();
                var wait = usual * fault.Into - (_clock.Elapsed - _durableAt).TotalSeconds;
                if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait));
                var at = _clock.Elapsed;
                string what;
                int interrupted; // the quarter after the last one recorded when the fault struck
                switch (fault.Kind)
                {
                    case FaultKind.SiloKilled:
                        var victim = silos[fault.Silo];
                        await victim.KillAsync();
                        interrupted = await LastDurable() + 1;
                        what = $"killed silo {fault.Silo} (process {victim.Id})";
                        Say($"{Label(input, interrupted)}: {what} {(at - _durableAt).TotalSeconds:F1} s into the quarter");
                        silos[fault.Silo] = await SiloProcess.StartAsync(_db, Cluster);
                        Say($"  silo {fault.Silo} replaced by process {silos[fault.Silo].Id}");
                        await victim.DisposeAsync();
                        break;
                    case FaultKind.ClientKilled:
                        await client.KillAsync();
                        interrupted = await LastDurable() + 1;
                        what = $"killed the client (process {client.Id})";
                        Say($"{Label(input, interrupted)}: {what} {(at - _durableAt).TotalSeconds:F1} s into the quarter; resuming");
                        await client.DisposeAsync();
                        client = Cli(["resume", _runId, .. connect]);
                        break;
                    default:
                        await postgres.StopAsync(immediate: true);
                        what = "stopped PostgreSQL";
                        Say($"{Label(input, fault.Quarter)}: {what} (immediate) {(at - _durableAt).TotalSeconds:F1} s into the quarter");
                        var code = await client.WaitForExitAsync(TimeSpan.FromMinutes(5));
                        var line = client.Err.Split('\n').LastOrDefault(l => l.StartsWith("error: ", StringComparison.Ordinal)) ?? "(no error line)";
                        Say($"  the client stopped after {(_clock.Elapsed - at).TotalSeconds:F1} s with exit code {code?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {line}");
                        if (code != 3) throw new InvalidOperationException($"the client did not stop with exit code 3 when PostgreSQL was lost: {client.Out}{client.Err}");
                        await postgres.StartAgainAsync();
                        interrupted = await LastDurable() + 1;
                        Say("  PostgreSQL started again; resuming");
                        await client.DisposeAsync();
                        client = Cli(["resume", _runId, .. connect]);
                        break;
                }
                await WaitForDurable(interrupted, client);
                var recovery = (_durableAt - at).TotalSeconds;
                Say($"  recovered: {Label(input, interrupted)} recorded {recovery:F1} s after the fault (a quarter takes {usual:F1} s)");
                injected.Add(new InjectedFault(fault, what, recovery));
            }
            var exit = await client.WaitForExitAsync(Stall);
            if (exit != 0) throw new InvalidOperationException($"the run ended with exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {client.Out}{client.Err}");
            using var actual = SummaryComparison.Read(outDir);
            var differences = SummaryComparison.Differences(expected, actual);
            return new DrillReport(_runId, injected, differences, UsualQuarter(), _clock.Elapsed.TotalSeconds);
        }
        finally
        {
            if (client is not null) await client.DisposeAsync();
            foreach (var silo in silos) await silo.DisposeAsync();
            if (settings.Out is null) try { Directory.Delete(outDir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Polls the journal until the run's durable quarter reaches <paramref name="quarter"/>, timing the quarters.</summary>
    private async Task WaitForDurable(int quarter, ChildProcess client)
    {
        var since = _clock.Elapsed;
        while (_durable < quarter)
        {
            if (client.HasExited && await RunJournal.DurableQuarterAsync(_db, _runId) is { } last && last < quarter)
                throw new InvalidOperationException($"the client ended (exit code {await client.WaitForExitAsync(TimeSpan.FromSeconds(10))}) at quarter {last}: {client.Out}{client.Err}");
            if (_clock.Elapsed - since > Stall) throw new TimeoutException($"no quarter recorded in {Stall.TotalMinutes:F0} minutes");
            await Task.Delay(100);
            if (await RunJournal.DurableQuarterAsync(_db, _runId) is not { } durable || durable <= _durable) continue;
            var now = _clock.Elapsed;
            // A quarter's own duration: only when exactly one quarter was recorded since the last one seen.
            if (durable == _durable + 1 && _durable >= 0) _quarterSeconds.Add((now - _durableAt).TotalSeconds);
            (_durable, _durableAt) = (durable, now);
        }
    }

    /// <summary>The run's durable quarter now (a fault can land just after its quarter was recorded: it then interrupts the next).</summary>
    private async Task<int> LastDurable() => Math.Max(_durable, await RunJournal.DurableQuarterAsync(_db, _runId) ?? _durable);

    /// <summary>The median duration of the quarters seen so far (faults included: the median shrugs them off).</summary>
    private double UsualQuarter() => _quarterSeconds.Count == 0 ? 0 : Analytics.Bench.BenchReport.Median(_quarterSeconds);

    private static ChildProcess Cli(string[] args) => ChildProcess.Start("partnersim.dll", args);

    private static string Label(ScenarioInput input, int quarter) => $"{input.Rules.QuarterAt(quarter)}";

    private static string Describe(ScheduledFault f, ScenarioInput input) => f.Kind switch
    {
        FaultKind.SiloKilled => $"{Label(input, f.Quarter)} kill silo {f.Silo}",
        FaultKind.ClientKilled => $"{Label(input, f.Quarter)} kill the client",
        _ => $"{Label(input, f.Quarter)} restart PostgreSQL",
    } + $" at {f.Into:P0}";

    private void Say(string line) => say($"[{_clock.Elapsed.TotalSeconds,7:F1} s] {line}");
}
