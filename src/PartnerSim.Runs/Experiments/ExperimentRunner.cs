using System.Diagnostics;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Model.Engine;

namespace PartnerSim.Runs.Experiments;

/// <summary>Where an experiment stands: runs finished (those recorded before this session included) of all, and this session's pace.</summary>
public sealed record ExperimentProgress(int Done, int Total, int DoneBefore, TimeSpan Elapsed)
{
    /// <summary>Runs finished per second in this session.</summary>
    public double RunsPerSecond => Elapsed.TotalSeconds > 0 ? (Done - DoneBefore) / Elapsed.TotalSeconds : 0;

    public TimeSpan? Remaining => RunsPerSecond > 0 ? TimeSpan.FromSeconds((Total - Done) / RunsPerSecond) : null;
}

/// <summary>
/// Runs an experiment's pending runs, at most <c>parallel</c> at a time (each holding its partners in memory only while
/// it runs), and records each as it ends. All runs share this process; on the in-process engine a run's partners step
/// on the cores left to it. Runs are deterministic, so the results do not depend on how many run at once or in which
/// order they finish.
/// </summary>
public static class ExperimentRunner
{
    /// <returns>Every run of the experiment (recorded earlier or run now), in any order.</returns>
    /// <exception cref="OperationCanceledException">When cancelled; every run recorded so far stays recorded.</exception>
    public static async Task<IReadOnlyList<ExperimentRun>> Run(ExperimentPlan plan, RunSettings settings, int parallel, ProgressRecord record,
        Action<ExperimentProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var setup = plan.Setup;
        var runs = new List<ExperimentRun>(record.Finished);
        var recorded = runs.Select(r => setup.RunIndex(r.Point, r.Replicate)).ToHashSet();
        var pending = Enumerable.Range(0, setup.Runs).Where(k => !recorded.Contains(k)).ToArray();
        int doneBefore = runs.Count, next = -1;
        var clock = Stopwatch.StartNew();
        progress?.Invoke(new ExperimentProgress(runs.Count, setup.Runs, doneBefore, clock.Elapsed));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        int threads = Math.Max(1, Environment.ProcessorCount / parallel);
        async Task Worker()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < pending.Length;)
            {
                stop.Token.ThrowIfCancellationRequested();
                var run = await RunOne(plan, pending[i], settings, threads, stop.Token);
                record.Append(run);
                lock (runs)
                {
                    runs.Add(run);
                    progress?.Invoke(new ExperimentProgress(runs.Count, setup.Runs, doneBefore, clock.Elapsed));
                }
            }
        }
        var workers = Enumerable.Range(0, Math.Min(parallel, Math.Max(1, pending.Length))).Select(_ => Task.Run(async () =>
        {
            try { await Worker(); }
            catch { stop.Cancel(); throw; } // one failed run stops the others
        })).ToArray();
        try { await Task.WhenAll(workers); }
        catch (Exception) when (workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } failure)
        {
            throw failure; // the first real failure, not the cancellations it caused
        }
        return runs;
    }

    /// <summary>Run k: its design point's scenario on its replicate's seed, and its outputs.</summary>
    private static async Task<ExperimentRun> RunOne(ExperimentPlan plan, int k, RunSettings settings, int threads, CancellationToken cancel)
    {
        var setup = plan.Setup;
        var (point, replicate) = setup.RunAt(k);
        ulong seed = setup.ReplicateSeeds[replicate];
        var input = plan.PointInputs[point].WithSeed(seed);
        var result = settings.Engine == EngineKind.Inproc
            ? EngineLoop.Run(input.Rules, input.Source, maxThreads: threads, cancel: cancel)
            // The grain driver takes no token: a cancelled run is abandoned (its host ends with the process).
            : (await Runner.Run(input, settings).WaitAsync(cancel)).Result;
        var outputs = plan.Queries.Select(q => q.Evaluate(plan.Table, input.Rules, result.PerQuarter)).ToArray();
        return new ExperimentRun(point, replicate, seed, result.Digest, outputs);
    }
}
