using System.CommandLine;
using System.Globalization;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Cli.Output;
using PartnerSim.Cli.Signals;
using PartnerSim.Inputs;
using PartnerSim.Runs;
using PartnerSim.Runs.Experiments;
using PartnerSim.Silo;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim experiment EXPERIMENT.yaml [--out DIR] [--parallel K] [--partners N] [--engine inproc|grains]
/// [--connect CS]</c>: runs a designed experiment (grid, Latin hypercube, Sobol or Morris, with replicates) and writes
/// its results; an interrupted experiment resumes with the same command.
/// </summary>
public static class ExperimentCommand
{
    /// <summary>
    /// One run per core: a run stepping its partners on one core wastes less than one spread over all of them (the
    /// measured throughput is in docs/performance.md). At most 4, so a large population is not held many times over.
    /// </summary>
    public static int DefaultParallel => Math.Clamp(Environment.ProcessorCount, 1, 4);

    public static Command Create()
    {
        var file = new Argument<string>("experiment") { Description = "experiment YAML file (see scenarios/experiments/)" };
        var outDir = new Option<string?>("--out") { Description = "output directory (default out/experiments/<experiment name>); progress is kept in DIR.partial until done" };
        var parallel = new Option<int>("--parallel")
        {
            Description = "runs at once, each holding its partners in memory (default: the cores, at most 4)",
            DefaultValueFactory = _ => DefaultParallel,
        };
        var partners = new Option<int?>("--partners") { Description = "population size at every design point (overrides the base scenario's)" };
        var sampleSize = new Option<int?>("--sample-size") { Description = "overrides the design's samples (values per range, points, base rows or trajectories)" };
        var engine = new Option<EngineKind>("--engine") { Description = "inproc (default: the plain parallel loop) or grains (Orleans; same digests)", DefaultValueFactory = _ => EngineKind.Inproc };
        var connect = new Option<string?>("--connect") { Description = "run on a running PostgreSQL-backed cluster (its database's connection string); implies --engine grains" };
        var clusterId = new Option<string>("--cluster-id") { Description = "cluster id with --connect", DefaultValueFactory = _ => ClusterSilo.DefaultClusterId };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but errors" };
        var command = new Command("experiment", "Run a designed experiment (grid, lhs, sobol, morris) with replicates; resumable")
        {
            file, outDir, parallel, partners, sampleSize, engine, connect, clusterId, quiet,
        };
        command.SetAction(async (p, cancel) =>
        {
            if (p.GetValue(parallel) < 1) throw new BadInputException($"--parallel: must be at least 1 (got {p.GetValue(parallel)})");
            var settings = new RunSettings
            {
                Engine = p.GetValue(connect) is not null ? EngineKind.Grains : p.GetValue(engine),
                Connect = p.GetValue(connect),
                ClusterId = p.GetValue(clusterId)!,
            }.Validated();
            var plan = ExperimentPlan.Load(p.GetValue(file)!, p.GetValue(partners), p.GetValue(sampleSize));
            var setup = plan.Setup;
            var target = p.GetValue(outDir) ?? Path.Combine("out", "experiments", setup.Name);
            var terminal = new Terminal(p.GetValue(quiet), Json: false);
            if (!terminal.Quiet)
                Console.WriteLine($"{setup.Name}: {setup.Design.Method}, {setup.Points} points × {setup.Replicates} replicates = {setup.Runs} runs " +
                                  $"of {setup.Partners:N0} partners × {setup.Quarters} quarters");
            int done = 0;
            try
            {
                var outcome = await terminal.WithProgress("runs", setup.Runs, report =>
                    Experiment.Run(plan, target, settings, p.GetValue(parallel), progress =>
                    {
                        done = progress.Done;
                        report(Describe(progress), progress.Done);
                    }, cancel));
                if (!terminal.Quiet) Print(outcome, target);
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException e) when (cancel.IsCancellationRequested)
            {
                // Ctrl-C or SIGTERM: the runs under way stop; the finished ones stay recorded (the exit code is the signal's).
                throw new CancelledException($"after {done} of {setup.Runs} runs", e,
                    $"they are recorded in {ProgressRecord.DirectoryFor(target)}; the same command resumes");
            }
        });
        return command;
    }

    private static string Describe(ExperimentProgress p)
    {
        var left = p.Remaining is { } r ? $", {(int)r.TotalHours:0}:{r:mm\\:ss} left" : "";
        return $"runs {p.Done}/{p.Total} ({p.RunsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)}/s{left})";
    }

    private static void Print(ExperimentOutcome outcome, string target)
    {
        if (outcome.AlreadyDone)
        {
            Console.WriteLine($"{target} already holds this experiment's results; nothing to run");
            return;
        }
        var results = outcome.Results!;
        var resumed = outcome.Resumed > 0 ? $" ({outcome.Resumed} recorded earlier)" : "";
        Console.WriteLine($"{results.Runs.Count} runs{resumed} -> {target}");
        foreach (var o in results.Outputs) Console.WriteLine(Ranking(results, o));
    }

    /// <summary>One line per output: the factors in order of importance by the design's own measure.</summary>
    private static string Ranking(ExperimentResults results, OutputResults o)
    {
        string Key(int factor) => results.Setup.Factors[factor].Key;
        string F(double v) => double.IsFinite(v) ? v.ToString("G3", CultureInfo.InvariantCulture) : "n/a";
        var ranked = o.Sobol is { } sobol
            ? sobol.OrderByDescending(s => double.IsNaN(s.Total) ? double.MinValue : s.Total).Select(s => $"{Key(s.Factor)} S1 {F(s.First)} ST {F(s.Total)}")
            : o.Morris is { } morris
                ? morris.OrderByDescending(e => e.MuStar).Select(e => $"{Key(e.Factor)} μ* {F(e.MuStar)} σ {F(e.Sigma)}")
                : o.Swings.OrderByDescending(s => double.IsNaN(s.Swing) ? -1 : Math.Abs(s.Swing)).Select(s => $"{Key(s.Factor)} swing {F(s.Swing)}");
        if (results.Setup.Points == 1 && o.Points[0] is var only)
            ranked = [only.Interval is { } i ? $"mean {F(only.Mean)} ± {F(i.HalfWidth)}" : $"mean {F(only.Mean)}"];
        var advice = o.Advice is { } a
            ? a.Needed is { } n ? $"; {n} replicates for ±5%" : "; ±5% unreachable (a mean of 0)"
            : "";
        return $"  {o.Output.Name}: {string.Join("; ", ranked.Take(5))}{advice}";
    }
}
