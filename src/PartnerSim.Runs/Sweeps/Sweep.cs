using PartnerSim.Analytics.Reports;
using PartnerSim.Inputs;
using PartnerSim.Model.Engine;

namespace PartnerSim.Runs.Sweeps;

/// <summary>One run of a sweep: which variant (its values, in axis order), and its report.</summary>
public sealed record SweepRun(string[] Values, RunReport Report);

/// <summary>
/// Runs every variant of a grid on each of <c>seeds</c> seeds (the scenario's and the next ones), on the in-process
/// engine, which gives the grain host's digest. Every variant is loaded and validated before the first one runs.
/// </summary>
public static class Sweep
{
    public static IReadOnlyList<SweepRun> Run(SweepGrid grid, int seeds, int? partners, int? quarters,
        Action<string, int>? progress = null, CancellationToken cancel = default)
    {
        if (seeds < 1) throw new BadInputException($"--seeds: must be at least 1 (got {seeds})");
        var variants = grid.Combinations().ToList();
        var inputs = variants.Select(values => grid.Load(values, partners, quarters)).ToList();
        var runs = inputs.SelectMany((input, v) => Enumerable.Range(0, seeds).Select(k => (v, seed: input.Options.Run.Seed + (ulong)k))).ToList();
        var done = new List<SweepRun>(runs.Count);
        foreach (var (v, seed) in runs)
        {
            cancel.ThrowIfCancellationRequested();
            progress?.Invoke($"variant {v + 1}/{variants.Count}, seed {seed}", done.Count);
            var input = inputs[v].WithSeed(seed);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = EngineLoop.Run(input.Rules, input.Source, cancel: cancel);
            done.Add(new SweepRun(variants[v], new RunReport(input.Rules, result, "inproc", clock.Elapsed.TotalSeconds, input.TopBookingsShare)));
        }
        return done;
    }

    /// <summary>How many runs a grid makes.</summary>
    public static int Count(SweepGrid grid, int seeds) => grid.Axes.Aggregate(1, (n, a) => n * a.Values.Length) * seeds;
}
