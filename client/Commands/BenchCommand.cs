using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerSim.Analytics.Bench;
using PartnerSim.Analytics.Detail;
using PartnerSim.Cli.Output;
using PartnerSim.Inputs;
using PartnerSim.Runs;
using PartnerSim.Runs.Output;
using PartnerSim.Grains.Bench;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;
using PartnerSim.Silo;
using Spectre.Console;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim bench</c>: in one process, on one embedded silo, the pure engine loop, Orleans' own call cost on the
/// simulation's fan-out (trivial grains), and the simulation itself; plus memory. Each figure is the median of
/// several repetitions after a warm-up run.
/// </summary>
public static class BenchCommand
{
    /// <param name="Durability">Also measure state written to PostgreSQL, and the recovery from a silo killed mid-quarter.</param>
    /// <param name="Postgres">The database for that; null: a private PostgreSQL server the bench starts and removes.</param>
    public sealed record Settings(int Partners = 20_000, int Quarters = 4, int Repetitions = 3, bool Durability = false, string? Postgres = null)
    {
        /// <summary>The grain measurements' warm-up runs (JIT, tiering, pools) are this size at most, so big benches do not pay twice over.</summary>
        public int WarmupPartners => Math.Min(Partners, 20_480);

        public const int WarmupRounds = 2;
        /// <summary>Engine-loop runs per round (each is short, so its median takes more of them).</summary>
        public const int EngineRuns = 3;

        /// <summary>Measured runs plus warm-ups, for a progress bar.</summary>
        public int Steps => 5 * (Repetitions + WarmupRounds) + 1 + (Durability ? DurabilityBench.Steps(this) : 0);
    }

    public static Command Create()
    {
        var defaults = new Settings();
        var partners = new Option<int>("--partners") { Description = "population size", DefaultValueFactory = _ => defaults.Partners };
        var quarters = new Option<int>("--quarters") { Description = "quarters per run", DefaultValueFactory = _ => defaults.Quarters };
        var repetitions = new Option<int>("--repetitions") { Description = "measured runs per figure (the median is reported)", DefaultValueFactory = _ => defaults.Repetitions };
        var json = new Option<bool>("--json") { Description = "print the figures as JSON to standard output instead of a table" };
        var durability = new Option<bool>("--durability")
        {
            Description = "also measure state written every quarter to PostgreSQL, and the recovery from a silo process killed mid-quarter",
        };
        var postgres = new Option<string?>("--postgres") { Description = "with --durability: this database (default: a private PostgreSQL server)" };

        var command = new Command("bench", "Measure the engine loop, Orleans' call ceiling and the simulation on this machine")
        {
            partners, quarters, repetitions, json, durability, postgres,
        };
        command.SetAction(async (p, cancel) =>
        {
            var settings = new Settings(p.GetValue(partners), p.GetValue(quarters), p.GetValue(repetitions), p.GetValue(durability), p.GetValue(postgres));
            if (settings.Durability && settings.Postgres is null && Runs.Cluster.PostgresServer.BinDir is null)
                throw new BadInputException("--durability: PostgreSQL is not installed; give a database with --postgres");
            if (settings.Partners < 1) throw new BadInputException($"--partners: must be at least 1 (got {settings.Partners})");
            if (settings.Quarters < 1) throw new BadInputException($"--quarters: must be at least 1 (got {settings.Quarters})");
            if (settings.Repetitions < 1) throw new BadInputException($"--repetitions: must be at least 1 (got {settings.Repetitions})");
            var terminal = new Terminal(Quiet: false, p.GetValue(json));
            var report = await terminal.WithProgress("engine loop", settings.Steps, progress => Measure(settings, progress, cancel));
            if (terminal.Json)
            {
                using var stdout = Console.OpenStandardOutput();
                report.WriteJson(stdout);
                stdout.Flush();
                Console.WriteLine();
            }
            else Print(report);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static ScenarioOptions Options(int partners, int quarters)
    {
        var o = ScenarioOptions.Default;
        return o with
        {
            Run = o.Run with { Quarters = quarters },
            Population = o.Population with { Partners = partners },
        };
    }

    /// <summary>Runs every measurement; <paramref name="progress"/> gets a label and the count of runs done.</summary>
    public static async Task<BenchReport> Measure(Settings settings, Action<string, int>? progress = null, CancellationToken cancel = default)
    {
        int done = 0;
        void Report(string label) => progress?.Invoke(label, done++);
        var report = await MeasureInMemory(settings, Report, cancel);
        return settings.Durability ? report with { Durability = await DurabilityBench.Measure(settings, report.Simulation, Report, cancel) } : report;
    }

    private static async Task<BenchReport> MeasureInMemory(Settings settings, Action<string> Report, CancellationToken cancel)
    {
        int n = settings.Partners, q = settings.Quarters, warm = settings.WarmupPartners;

        var host = EmbeddedSilo.Build();
        try
        {
            await host.StartAsync(cancel);
            var bench = new SiloBench(host.Services, cancel);
            var engine = new List<EngineLoopFigures>();
            var engineDetail = new List<EngineLoopFigures>();
            var ping = new List<PingFigures>();
            var simulation = new List<SimulationFigures>();
            var checkpointed = new List<SimulationFigures>();

            // Every kind of run, smaller, WarmupRounds times before anything counts: one warm-up is not enough for
            // tiered JIT on two cores (the first measured ping rounds ran at a quarter of their later speed).
            // Measured repetitions then interleave the kinds, so any drift over the process's life hits all alike.
            for (int round = -Settings.WarmupRounds; round < settings.Repetitions; round++)
            {
                bool warming = round < 0;
                int size = warming ? warm : n;
                string of = warming ? $"warm-up {round + Settings.WarmupRounds + 1}/{Settings.WarmupRounds}" : $"{round + 1}/{settings.Repetitions}";
                await Quiesce(cancel); // also where a cancelled bench stops
                Report($"engine loop {of}");
                // The engine warms up at full size: at 20k partners its warm-ups ended before tiered compilation had
                // recompiled the step (the first measured run then ran at half speed). A run is a fraction of a
                // second, so each round takes EngineRuns of them into the median.
                var e = Enumerable.Range(0, Settings.EngineRuns).Select(_ => Engine(Options(n, q), cancel)).ToList();
                await Quiesce(cancel);
                Report($"engine loop, detail all {of}");
                var ed = Enumerable.Range(0, Settings.EngineRuns).Select(_ => Engine(Options(n, q), cancel, detail: true)).ToList();
                await Quiesce(cancel);
                Report($"orleans ping {of}");
                var p = await bench.Ping(Options(size, q));
                await Quiesce(cancel);
                Report($"simulation {of}");
                var s0 = await bench.Simulation(Options(size, q), 0);
                await Quiesce(cancel);
                Report($"simulation, checkpointed {of}");
                var s1 = await bench.Simulation(Options(size, q), 1);
                Trace($"{of}: {string.Join(' ', e)} {string.Join(' ', ed)} {p} {s0} {s1}");
                if (warming) continue;
                engine.AddRange(e);
                engineDetail.AddRange(ed);
                ping.Add(p);
                simulation.Add(s0);
                checkpointed.Add(s1);
            }

            Report("memory");
            double heapPerPartner = await bench.HeapPerPartner(Options(n, 1));

            return new BenchReport(n, q, settings.Repetitions, Machine(),
                new EngineLoopFigures(Median(engine, e => e.PartnerQuartersPerSecond), Median(engine, e => e.WallSeconds)),
                new EngineLoopFigures(Median(engineDetail, e => e.PartnerQuartersPerSecond), Median(engineDetail, e => e.WallSeconds)),
                new PingFigures(Median(ping, p => p.ActivationSeconds), Median(ping, p => p.CallsPerSecond), MedianOf(ping.Select(p => p.Gc).ToList())),
                MedianOf(simulation, 0), MedianOf(checkpointed, 1),
                new MemoryFigures(heapPerPartner, Process.GetCurrentProcess().PeakWorkingSet64));
        }
        finally
        {
            if (cancel.IsCancellationRequested) await CancelledHost.Abandon(host, TimeSpan.FromSeconds(0.25));
            else using (host) await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Per-run figures on standard error with PARTNERSIM_TRACE=1.</summary>
    private static void Trace(string message)
    {
        if (Environment.GetEnvironmentVariable("PARTNERSIM_TRACE") == "1") Console.Error.WriteLine(message);
    }

    private static double Median<T>(List<T> runs, Func<T, double> figure) => BenchReport.Median(runs.Select(figure));

    internal static SimulationFigures MedianOf(List<SimulationFigures> runs, int every) => new(every,
        Median(runs, s => s.ActivationSeconds), Median(runs, s => s.SteadyPartnerQuartersPerSecond), Median(runs, s => s.WallSeconds),
        MedianOf(runs.Select(s => s.Gc).ToList()));

    private static GcFigures MedianOf(List<GcFigures> runs) =>
        new(Median(runs, g => g.AllocatedBytesPerCall), Median(runs, g => g.PauseShare));

    /// <summary>Allocation and pause time of the whole process over one measured phase.</summary>
    private readonly record struct GcWatch(long Allocated, TimeSpan Paused)
    {
        public static GcWatch Start() => new(GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration());

        public GcFigures Stop(double calls, double seconds) => new(
            (GC.GetTotalAllocatedBytes(precise: true) - Allocated) / calls,
            (GC.GetTotalPauseDuration() - Paused).TotalSeconds / seconds);
    }

    public static BenchMachine Machine() => new(Environment.ProcessorCount, RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription, GCSettings.IsServerGC, GCSettings.LatencyMode.ToString());

    /// <summary>
    /// The engine loop: partner-quarters per second from the end of the first quarter to the end of the last
    /// (so partner creation and hashing are left out); with a single quarter, the whole run. With
    /// <paramref name="detail"/>, every partner's row goes to a detail file in the temp folder, as <c>run</c> writes it
    /// (the last quarter's row group is finished inside the measured time).
    /// </summary>
    private static EngineLoopFigures Engine(ScenarioOptions options, CancellationToken cancel, bool detail = false)
    {
        Collect();
        var clock = Stopwatch.StartNew();
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        double firstDone = 0, lastDone = 0;
        string file = Path.Combine(Path.GetTempPath(), $"partnersim-bench-{Environment.ProcessId}.parquet");
        var rows = detail ? new PartnerQuarterFile(File.Create(file), rules, generator.Count, Enumerable.Range(0, generator.Count).ToArray()) : null;
        RunResult result;
        try
        {
            result = EngineLoop.Run(rules, new GeneratedPartners(generator, generator.ComputeTierCuts()), cancel: cancel, quarterDone: done =>
            {
                if (done == 0) firstDone = clock.Elapsed.TotalSeconds;
                if (done == rules.Quarters - 1) rows?.Complete().GetAwaiter().GetResult();
                lastDone = clock.Elapsed.TotalSeconds;
            }, observer: rows);
        }
        finally
        {
            if (rows is not null)
            {
                rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
                File.Delete(file);
            }
        }
        double wall = clock.Elapsed.TotalSeconds;
        long n = result.Partners;
        double rate = rules.Quarters > 1 ? n * (rules.Quarters - 1) / (lastDone - firstDone) : n / wall;
        return new EngineLoopFigures(rate, wall);
    }

    /// <summary>
    /// Waits (at most 5 s) for the process to sit idle for 100 ms before a measurement: the silo goes on
    /// deactivating the last run's grains in the background, and a measurement that shares the two cores with that
    /// work reads low (engine runs right after a simulation came out at half speed).
    /// </summary>
    private static async Task Quiesce(CancellationToken cancel)
    {
        using var process = Process.GetCurrentProcess();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            var busy = process.TotalProcessorTime;
            await Task.Delay(100, cancel);
            process.Refresh();
            if (process.TotalProcessorTime - busy < TimeSpan.FromMilliseconds(10)) return;
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>The grain measurements, on one silo; every run gets its own run key and is deactivated afterwards.</summary>
    internal sealed class SiloBench(IServiceProvider services, CancellationToken cancel)
    {
        private readonly IGrainFactory _grains = services.GetRequiredService<IGrainFactory>();
        private readonly RunContextCache _contexts = services.GetRequiredService<RunContextCache>();
        private int _runs;

        private string NewRunKey(string kind) => $"bench-{kind}/{Environment.ProcessId}/{++_runs}";

        /// <summary>Deactivates every grain (all idle between runs) and drops the run's cached context.</summary>
        /// <summary>
        /// Waits (at most 10 s) until the earlier runs' grains are gone: they deactivate in the background after
        /// <see cref="Forget"/>, and memory they free during the measurement would be counted against the new partners.
        /// </summary>
        private async Task AwaitDeactivation()
        {
            var management = _grains.GetGrain<IManagementGrain>(0);
            var waited = Stopwatch.StartNew();
            // The management grain and a few system grains stay; the earlier partners number in the thousands.
            while (await management.GetTotalActivationCount() > 64 && waited.Elapsed < TimeSpan.FromSeconds(10))
                await Task.Delay(50);
            Trace($"memory: waited {waited.Elapsed.TotalSeconds:F1} s for {await management.GetTotalActivationCount()} activations");
        }

        private async Task Forget(string runKey)
        {
            _contexts.Forget(runKey);
            await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            Collect();
        }

        public async Task<PingFigures> Ping(ScenarioOptions options)
        {
            string runKey = NewRunKey("ping");
            int n = options.Population.Partners, quarters = options.Run.Quarters;
            await _grains.GetGrain<IRunGrain>(runKey).Define(new RunSetup { Options = options, Partners = n, Shape = new CohortShape() });
            var root = _grains.GetGrain<IPingCohortGrain>(0, runKey);
            var clock = Stopwatch.StartNew();
            int activated = await root.Activate().WaitAsync(cancel);
            await SiloHeaps.Settle(_grains); // as the simulation's driver does after creation
            double activation = clock.Elapsed.TotalSeconds;
            if (activated != n) throw new InvalidOperationException($"ping tree activated {activated} grains, not {n}");
            clock.Restart();
            var gc = GcWatch.Start();
            for (int quarter = 0; quarter < quarters; quarter++)
            {
                int answered = await root.Ping(quarter).WaitAsync(cancel);
                if (answered != n) throw new InvalidOperationException($"ping round {quarter}: {answered} answers, not {n}");
            }
            double rounds = clock.Elapsed.TotalSeconds;
            var gcFigures = gc.Stop((double)n * quarters, rounds);
            await Forget(runKey);
            return new PingFigures(activation, (double)n * quarters / rounds, gcFigures);
        }

        public async Task<SimulationFigures> Simulation(ScenarioOptions options, int checkpointEvery)
        {
            string runKey = NewRunKey("sim");
            var clock = Stopwatch.StartNew();
            double creating = 0, stepping = 0, digesting = 0;
            GcWatch gc = default;
            GcFigures? gcFigures = null;
            double partnerQuarters = (double)options.Population.Partners * options.Run.Quarters;
            var result = await new QuarterDriver(_grains).Run(options, runKey, checkpointEvery: checkpointEvery, cancel: cancel,
                progress: (phase, quarter, _) =>
                {
                    double now = clock.Elapsed.TotalSeconds;
                    switch (phase)
                    {
                        case QuarterDriver.Phase.Creating: creating = now; break;
                        case QuarterDriver.Phase.Stepping when quarter == 0: stepping = now; gc = GcWatch.Start(); break;
                        case QuarterDriver.Phase.Digesting: digesting = now; gcFigures = gc.Stop(partnerQuarters, digesting - stepping); break;
                    }
                });
            double wall = clock.Elapsed.TotalSeconds;
            await Forget(runKey);
            return new SimulationFigures(checkpointEvery, stepping - creating, partnerQuarters / (digesting - stepping), wall, gcFigures!);
        }

        /// <summary>
        /// A dedicated one-quarter run (checkpoint every 0, so storage holds nothing yet): the managed heap after
        /// every partner is created, less the heap before, per partner.
        /// </summary>
        public async Task<double> HeapPerPartner(ScenarioOptions options)
        {
            string runKey = NewRunKey("memory");
            await AwaitDeactivation();
            long before = 0, after = 0;
            await new QuarterDriver(_grains).Run(options, runKey, checkpointEvery: 0, cancel: cancel, progress: (phase, quarter, _) =>
            {
                if (phase == QuarterDriver.Phase.Creating) before = GC.GetTotalMemory(forceFullCollection: true);
                else if (phase == QuarterDriver.Phase.Stepping && quarter == 0) after = GC.GetTotalMemory(forceFullCollection: true);
            });
            await Forget(runKey);
            return (double)(after - before) / options.Population.Partners;
        }
    }

    private static void Print(BenchReport r)
    {
        var m = r.Machine;
        AnsiConsole.Write(new Rule($"[bold]bench[/]: {r.Partners:N0} partners × {r.Quarters} quarters, median of {r.Repetitions}").LeftJustified());
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit");
        table.AddRow("engineLoop", $"{r.EngineLoop.PartnerQuartersPerSecond:N0}", "partner-quarters/s, stepping");
        table.AddRow("engineLoop wall", $"{r.EngineLoop.WallSeconds:N2}", "s, whole run");
        table.AddRow("engineLoop, detail all", $"{r.EngineLoopDetail.PartnerQuartersPerSecond:N0}", "partner-quarters/s, every row to partner-quarters.parquet");
        table.AddRow("orleansPing", $"{r.OrleansPing.CallsPerSecond:N0}", "calls/s, steady rounds");
        table.AddRow("orleansPing activation", $"{r.OrleansPing.ActivationSeconds:N2}", "s");
        AddGc(table, "orleansPing", r.OrleansPing.Gc, "call");
        AddSimulation(table, "simulation", r.Simulation);
        AddSimulation(table, "simulationCheckpointed", r.SimulationCheckpointed);
        if (r.Durability is { } d)
        {
            AddSimulation(table, "simulationPostgres", d.Postgres);
            table.AddRow("postgresVsMemory", $"{d.PostgresVsMemory:N3}", "ratio of steady throughputs, PostgreSQL / memory");
            if (d.Recovery is { } k)
            {
                table.AddRow("recovery: silos × partners", $"{k.Silos} × {k.Partners:N0}", $"one silo killed in quarter {k.KilledQuarter + 1} of {k.Quarters}");
                table.AddRow("recovery: usual quarter", $"{k.UsualQuarterSeconds:N1}", "s");
                table.AddRow("recovery: killed quarter", $"{k.KilledQuarterSeconds:N1}", $"s ({k.LostSeconds:N1} s lost)");
                table.AddRow("recovery: driver's recovery", $"{k.RecoverySeconds:N1}", $"s from the first failure seen, {k.Retries} retries");
                table.AddRow("recovery: digest", k.DigestMatches ? "same" : "DIFFERENT", "as the in-process run");
            }
        }
        table.AddRow("heap per partner", $"{r.Memory.HeapBytesPerPartner:N0}", "bytes, managed, after creation");
        table.AddRow("peak working set", $"{r.Memory.PeakWorkingSetBytes / (1024.0 * 1024):N0}", "MiB");
        table.AddRow("simVsPing", $"{r.SimVsPing:N3}", "ratio");
        table.AddRow("simVsEngine", $"{r.SimVsEngine:N3}", "ratio");
        table.AddRow("detailCost", $"{r.DetailCost:N3}", "share of engine throughput the detail file costs");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"{m.ProcessorCount} processors, {m.Os}, {m.Runtime}, " +
                                             $"{(m.ServerGc ? "server" : "workstation")} GC ({m.GcLatencyMode})"));
    }

    private static void AddSimulation(Table table, string name, SimulationFigures s)
    {
        table.AddRow(name, $"{s.SteadyPartnerQuartersPerSecond:N0}", $"partner-quarters/s, steady (checkpoint every {s.CheckpointEvery})");
        table.AddRow($"{name} activation", $"{s.ActivationSeconds:N2}", "s");
        table.AddRow($"{name} wall", $"{s.WallSeconds:N2}", "s, whole run");
        AddGc(table, name, s.Gc, "partner-quarter");
    }

    private static void AddGc(Table table, string name, GcFigures gc, string per)
    {
        table.AddRow($"{name} allocated", $"{gc.AllocatedBytesPerCall:N0}", $"bytes per {per}, steady");
        table.AddRow($"{name} GC pauses", $"{gc.PauseShare:P0}", "of the steady wall time");
    }
}
