using PartnerSim.Grains.Cohorts;
using PartnerSim.Grains.Detail;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;

namespace PartnerSim.Grains.Driver;

/// <summary>
/// Runs a scenario on the grains: defines the run, creates the partners through the cohort tree (and settles
/// the silos' heaps, <see cref="SiloHeaps"/>), then steps one quarter at a time and collects only the reduced
/// <see cref="QuarterStats"/>. A quarter is asked of the root's subtrees one by one (a few at a time); a subtree that
/// fails (its silo was killed, a call timed out) is asked again, alone, until the cluster has activated its lost grains
/// elsewhere. Partners apply a quarter once and replay its outcome when asked again, and each subtree's reduction is
/// kept by quarter, so a retried subtree counts exactly once. With a <see cref="Journal"/> each completed quarter is
/// recorded durably, and a run can be resumed from the last one (<see cref="Resume"/>).
/// </summary>
public sealed class QuarterDriver(IGrainFactory grains)
{
    public enum Phase { Creating, Stepping, Digesting }

    /// <summary>Where completed quarters are recorded; null: nowhere (the run cannot be resumed).</summary>
    public IQuarterJournal? Journal { get; init; }

    public RecoveryPolicy Recovery { get; init; } = RecoveryPolicy.Default;

    /// <summary>What failed during the run, and how long recovering took.</summary>
    public FaultLog Faults { get; } = new();

    /// <summary>The quarter recorded last in the journal; −1 before the first.</summary>
    public int LastDurableQuarter { get; private set; } = -1;

    private static readonly Task<string> s_never = new TaskCompletionSource<string>().Task;

    private RuleBook? _rules;
    private ClusterWatch? _watch;

    /// <param name="runKey">Names this run's grains; any unique string (it never enters the results).</param>
    /// <param name="roster">Partners given up front, ascending id; null to generate them.</param>
    /// <param name="detail">Records the partners' outcomes (the detail file); null keeps none.</param>
    /// <param name="detailPositions">The positions <paramref name="detail"/> records, ascending; null for every partner.</param>
    /// <param name="cancel">Stops the run: the call in flight throws at once and is cancelled on the grains, no further call is made.</param>
    public async Task<RunResult> Run(ScenarioOptions options, string runKey, IReadOnlyList<PartnerState>? roster = null,
        CohortShape? shape = null, int checkpointEvery = 1, Action<Phase, int, int>? progress = null,
        IOutcomeObserver? detail = null, int[]? detailPositions = null, CancellationToken cancel = default)
    {
        var rules = _rules = new RuleBook(options);
        int partners = roster?.Count ?? options.Population.Partners;
        var setup = new RunSetup
        {
            Options = options,
            Partners = partners,
            Cuts = roster is null ? new PopulationGenerator(rules).ComputeTierCuts() : null,
            Shape = shape ?? new CohortShape(),
            CheckpointEvery = checkpointEvery,
            DetailPositions = detail is null ? null : detailPositions,
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var watch = _watch = await Watch();
        const int creation = FaultLog.Creation;
        Faults.Started(creation);
        await WithRecovery(creation, "run", () => grains.GetGrain<IRunGrain>(runKey).Define(setup), cancel);
        var layout = new CohortLayout(partners, setup.Shape);
        progress?.Invoke(Phase.Creating, 0, rules.Quarters);
        if (roster is null)
            await WithRecovery(creation, "root", () => grains.GetGrain<ICohortGrain>(layout.Root.Key, runKey).CreatePartners(cancel), cancel);
        else
            await Task.WhenAll(layout.Leaves().Select(leaf =>
            {
                var (start, end) = layout.Positions(leaf);
                var slice = new PartnerState[end - start];
                for (int i = start; i < end; i++) slice[i - start] = roster[i];
                return WithRecovery(creation, $"leaf {leaf.Key}", () => grains.GetGrain<ICohortGrain>(leaf.Key, runKey).LoadPartners(slice, cancel), cancel);
            }));
        cancel.ThrowIfCancellationRequested();
        Faults.Completed(creation);
        await SiloHeaps.Settle(grains);
        return await StepQuarters(setup, rules, runKey, [], clock.Elapsed.TotalSeconds, clock, progress, detail, cancel);
    }

    /// <summary>
    /// Continues a run whose client stopped: its setup comes from the run grain (in storage), the quarters already
    /// recorded are given, and stepping goes on from the next one. Partners that applied that quarter before the
    /// interruption answer with their stored outcome; the others step. No detail file is kept.
    /// </summary>
    /// <param name="recorded">The reductions of quarters 0 … k, as the journal holds them.</param>
    public async Task<RunResult> Resume(string runKey, IReadOnlyList<QuarterStats> recorded, Action<Phase, int, int>? progress = null,
        CancellationToken cancel = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var watch = _watch = await Watch();
        LastDurableQuarter = recorded.Count - 1;
        var setup = await WithRecovery(recorded.Count, "run", () => grains.GetGrain<IRunGrain>(runKey).Get(), cancel);
        return await StepQuarters(setup, _rules = new RuleBook(setup.Options), runKey, recorded, 0, clock, progress, detail: null, cancel);
    }

    private async Task<RunResult> StepQuarters(RunSetup setup, RuleBook rules, string runKey, IReadOnlyList<QuarterStats> recorded,
        double created, System.Diagnostics.Stopwatch clock, Action<Phase, int, int>? progress, IOutcomeObserver? detail,
        CancellationToken cancel)
    {
        var layout = new CohortLayout(setup.Partners, setup.Shape);
        var subtrees = layout.Root.IsLeaf ? [layout.Root] : layout.Children(layout.Root).ToArray();
        var perQuarter = new List<QuarterStats>(recorded);
        // The detail sink is an observer object on this process; Orleans holds it weakly, so it is kept here until the end.
        var sink = detail is null ? null : new DetailSink(detail);
        var sinkReference = sink is null ? null : grains.CreateObjectReference<IDetailSink>(sink);
        try
        {
            for (int q = recorded.Count; q < rules.Quarters; q++)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Invoke(Phase.Stepping, q, rules.Quarters);
                Faults.Started(q);
                if (sink is not null) sink.Open = q;
                var stats = await StepQuarter(q, runKey, subtrees, sinkReference, cancel);
                if (sink is not null) sink.Open = -1;
                detail?.QuarterDone(q);
                if (Journal is { } journal)
                {
                    await WithRecovery(q, "journal", () => journal.Record(q, stats), cancel);
                    LastDurableQuarter = q;
                }
                Faults.Completed(q);
                perQuarter.Add(stats);
            }
        }
        finally
        {
            if (sinkReference is not null) grains.DeleteObjectReference<IDetailSink>(sinkReference);
            GC.KeepAlive(sink);
        }
        double stepped = clock.Elapsed.TotalSeconds;
        cancel.ThrowIfCancellationRequested();
        progress?.Invoke(Phase.Digesting, rules.Quarters, rules.Quarters);
        Faults.Started(FaultLog.Digest);
        var hashes = await WithRecovery(FaultLog.Digest, "root", () => grains.GetGrain<ICohortGrain>(layout.Root.Key, runKey).BlockHashes(cancel), cancel);
        Faults.Completed(FaultLog.Digest);
        var digest = StateDigest.Combine(hashes);
        return new RunResult(setup.Partners, perQuarter, digest,
            new RunTimings(created, stepped - created, clock.Elapsed.TotalSeconds - stepped));
    }

    /// <summary>
    /// One quarter: each of the root's subtrees is asked for its reduction, <see cref="CohortNode{TChild,TPartner}.ConcurrentChildren"/>
    /// at a time, and retried alone when it fails; the reductions are merged in subtree order once all have answered.
    /// </summary>
    private async Task<QuarterStats> StepQuarter(int quarter, string runKey, CohortLayout.Node[] subtrees, IDetailSink? sink,
        CancellationToken cancel)
    {
        var reductions = new QuarterStats[subtrees.Length];
        using var slots = new SemaphoreSlim(CohortNode<ICohortGrain, Partners.IPartnerGrain>.ConcurrentChildren);
        await Task.WhenAll(subtrees.Select(async (subtree, i) =>
        {
            await slots.WaitAsync(cancel);
            try
            {
                reductions[i] = await WithRecovery(quarter, $"subtree {subtree.Key}",
                    () => grains.GetGrain<ICohortGrain>(subtree.Key, runKey).Step(quarter, sink, cancel), cancel);
            }
            finally
            {
                slots.Release();
            }
        }));
        if (subtrees.Length == 1) return reductions[0];
        var stats = new QuarterStats(quarter);
        foreach (var reduction in reductions) stats.Merge(reduction);
        return stats;
    }

    private async Task<ClusterWatch> Watch()
    {
        var watch = new ClusterWatch(grains, Recovery.WatchEvery);
        await watch.StartAsync();
        return watch;
    }

    /// <summary>
    /// One call, given up on when a silo leaves the cluster while it is in flight or when it takes longer than the
    /// policy allows. The call itself may still finish later; its answer is dropped (asking again is harmless).
    /// </summary>
    private async Task<T> Attempt<T>(Func<Task<T>> call, CancellationToken cancel)
    {
        var lost = _watch?.NextLoss ?? s_never;
        var answer = call();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var timeout = Task.Delay(Recovery.AttemptTimeout, timer.Token);
        var first = await Task.WhenAny(answer, lost, timeout);
        await timer.CancelAsync();
        if (first == answer) return await answer;
        _ = answer.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed, dropped
        cancel.ThrowIfCancellationRequested();
        throw first == lost
            ? new AbandonedCallException($"silo {lost.Result} left the cluster while the call was in flight")
            : new AbandonedCallException($"no answer after {Recovery.AttemptTimeout.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Calls until the call succeeds. A failure is first checked against the journal's storage: lost storage stops the
    /// run (<see cref="StorageLostException"/>); otherwise a recoverable failure is logged and retried after a backoff.
    /// </summary>
    private async Task<T> WithRecovery<T>(int quarter, string what, Func<Task<T>> call, CancellationToken cancel)
    {
        var failing = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await Attempt(call, cancel);
            }
            catch (Exception e) when (e is not OperationCanceledException and not StorageLostException)
            {
                if (Journal is { } journal && !await journal.Reachable())
                    throw new StorageLostException(
                        $"{journal.Where} is unreachable ({Stage(quarter)}: {FaultLog.Describe(e)}); {Durable()}", LastDurableQuarter, e);
                if (!FailureKinds.IsRecoverable(e) || failing.Elapsed > Recovery.GiveUpAfter) throw;
                Faults.Failed(quarter, what, e);
                await Task.Delay(Recovery.Backoff(attempt), cancel);
            }
        }
    }

    private Task WithRecovery(int quarter, string what, Func<Task> call, CancellationToken cancel) =>
        WithRecovery(quarter, what, async () => { await call(); return 0; }, cancel);

    /// <summary>"creating partners", "quarter FY27Q2 (6 of 12)", "the digest".</summary>
    private string Stage(int quarter) => quarter < 0 ? "creating partners"
        : _rules is not { } rules ? $"quarter {quarter}"
        : quarter >= rules.Quarters ? "the digest" : $"quarter {Quarter(rules, quarter)}";

    /// <summary>"FY27Q2 (6 of 12)".</summary>
    private static string Quarter(RuleBook rules, int quarter) => $"{rules.QuarterAt(quarter)} ({quarter + 1} of {rules.Quarters})";

    private string Durable() => LastDurableQuarter < 0 || _rules is null
        ? "no quarter is durable yet"
        : $"the last durable quarter is {Quarter(_rules, LastDurableQuarter)}";
}
