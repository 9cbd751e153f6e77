using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Experiments;

/// <summary>An output at one design point across its replicates: the mean and, with two or more values, its 95% interval.</summary>
/// <param name="Count">Replicates where the output is defined.</param>
public sealed record PointOutcome(int Point, int Count, double Mean, MeanInterval? Interval);

/// <summary>
/// The tornado bar of one factor: the output's mean over the design points where the factor sits in its lowest
/// stratum (its first level, or the bottom quarter of a range) and where it sits in its highest.
/// </summary>
public sealed record FactorSwing(int Factor, double LowMean, double HighMean)
{
    public double Swing => HighMean - LowMean;
}

/// <summary>
/// How many replicates each design point needs for its interval to be within <see cref="RelativeHalfWidth"/> of its
/// mean, from the replicates run (the pilot): <see cref="Needed"/> is the most any point needs, null when some point
/// cannot get there (mean 0 while the values vary).
/// </summary>
public sealed record ReplicateAdvice(int Pilot, double RelativeHalfWidth, int? Needed, int? HardestPoint, int PointsShort);

/// <summary>Everything an experiment found about one output.</summary>
public sealed record OutputResults(ExperimentOutput Output, IReadOnlyList<PointOutcome> Points, IReadOnlyList<FactorSwing> Swings,
    IReadOnlyList<SobolIndex>? Sobol, IReadOnlyList<MorrisEffect>? Morris, ReplicateAdvice? Advice);

/// <summary>
/// An experiment's results: its setup, every run in design order, and per output the design points' means and
/// intervals, the factors' swings, Sobol indices (sobol designs) or Morris effects (morris designs) of the points'
/// replicate means, and the replicate advice. What every writer and the report read; nothing here runs anything.
/// </summary>
public sealed class ExperimentResults
{
    public const double AdvisedRelativeHalfWidth = 0.05;

    private ExperimentResults(ExperimentSetup setup, IReadOnlyList<ExperimentRun> runs, IReadOnlyList<OutputResults> outputs) =>
        (Setup, Runs, Outputs) = (setup, runs, outputs);

    public ExperimentSetup Setup { get; }

    /// <summary>Every run, run k at position k (design point by design point, replicates in order).</summary>
    public IReadOnlyList<ExperimentRun> Runs { get; }

    /// <summary>One entry per output, in the experiment's order.</summary>
    public IReadOnlyList<OutputResults> Outputs { get; }

    /// <summary>The results of a finished experiment; <paramref name="runs"/> holds each of its runs once, in any order.</summary>
    public static ExperimentResults Of(ExperimentSetup setup, IEnumerable<ExperimentRun> runs)
    {
        var ordered = new ExperimentRun[setup.Runs];
        foreach (var run in runs)
        {
            int k = setup.RunIndex(run.Point, run.Replicate);
            if (ordered[k] is not null) throw new ArgumentException($"run {k} (point {run.Point}, replicate {run.Replicate}) is given twice", nameof(runs));
            ordered[k] = run;
        }
        int missing = Array.FindIndex(ordered, r => r is null);
        if (missing >= 0) throw new ArgumentException($"run {missing} of {setup.Runs} is missing", nameof(runs));
        var outputs = setup.Outputs.Select((output, o) => Analyse(setup, ordered, output, o)).ToList();
        return new ExperimentResults(setup, ordered, outputs);
    }

    private static OutputResults Analyse(ExperimentSetup setup, ExperimentRun[] runs, ExperimentOutput output, int o)
    {
        var values = new double[setup.Points][];
        for (int p = 0; p < values.Length; p++)
            values[p] = Enumerable.Range(0, setup.Replicates)
                .Select(r => runs[setup.RunIndex(p, r)].Outputs[o]).Where(v => v is not null).Select(v => (double)v!.Value).ToArray();
        var points = values.Select((v, p) => new PointOutcome(p, v.Length, v.Length > 0 ? v.Average() : double.NaN,
            v.Length >= 2 ? MeanInterval.Of(v) : null)).ToList();
        var means = points.Select(p => p.Mean).ToArray();
        bool complete = means.All(double.IsFinite);
        var design = setup.Design;
        return new OutputResults(output, points, Swings(setup, means),
            design.Saltelli is { } saltelli && complete ? SobolAnalysis.Indices(saltelli, means, setup.MasterSeed) : null,
            design.Morris is { } morris && complete ? MorrisAnalysis.Effects(morris, means) : null,
            setup.Replicates >= 2 ? Advise(values, setup.Replicates) : null);
    }

    private static List<FactorSwing> Swings(ExperimentSetup setup, double[] means)
    {
        var unit = setup.Design.Points;
        return setup.Factors.Select((f, j) =>
        {
            var factor = f.Factor;
            bool Low(double u) => factor.Levels is { } levels ? factor.LevelAt(u) == 0 : u <= 0.25;
            bool High(double u) => factor.Levels is { } levels ? factor.LevelAt(u) == levels.Count - 1 : u >= 0.75;
            double MeanWhere(Func<double, bool> where)
            {
                var picked = Enumerable.Range(0, means.Length).Where(p => where(unit[p][j]) && double.IsFinite(means[p])).Select(p => means[p]).ToArray();
                return picked.Length > 0 ? picked.Average() : double.NaN;
            }
            return new FactorSwing(j, MeanWhere(Low), MeanWhere(High));
        }).ToList();
    }

    private static ReplicateAdvice Advise(double[][] values, int pilot)
    {
        int? needed = 2, hardest = null;
        int @short = 0;
        for (int p = 0; p < values.Length; p++)
        {
            if (values[p].Length < 2) continue;
            var n = ReplicateAdvisor.Replicates(values[p], AdvisedRelativeHalfWidth);
            if (n > pilot || n is null) @short++;
            if (needed is null) continue;
            if (n is null) (needed, hardest) = (null, p);
            else if (n > needed) (needed, hardest) = (n, p);
        }
        return new ReplicateAdvice(pilot, AdvisedRelativeHalfWidth, needed, hardest, @short);
    }
}
