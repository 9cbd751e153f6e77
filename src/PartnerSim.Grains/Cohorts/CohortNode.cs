using System.Buffers;
using PartnerSim.Grains.Runs;

namespace PartnerSim.Grains.Cohorts;

/// <summary>
/// What every node of a run's cohort tree shares: finding its place in the <see cref="CohortLayout"/>, its
/// children or (at a leaf) its partners, and fanning a call out to them. Leaves call all their partners at
/// once; inner nodes call a few children at a time, so a million partners never have a million calls in
/// flight (pending messages and tasks are what fill the heap).
/// </summary>
public abstract class CohortNode<TChild, TPartner>(RunContextCache runs) : Grain
    where TChild : IGrainWithIntegerCompoundKey
    where TPartner : IGrainWithIntegerCompoundKey
{
    /// <summary>Children of one inner node stepped at the same time.</summary>
    public const int ConcurrentChildren = 4;

    private RunContext? _run;
    private TChild[]? _children;

    protected CohortLayout.Node Node { get; private set; }
    protected TPartner[]? Partners { get; private set; }

    protected string RunKey { get { this.GetPrimaryKeyLong(out var run); return run!; } }

    protected async ValueTask<RunContext> Run()
    {
        if (_run is not null) return _run;
        var run = await runs.Get(RunKey);
        Node = run.Layout.Find(this.GetPrimaryKeyLong(out _));
        var runKey = RunKey;
        if (!Node.IsLeaf) _children = run.Layout.Children(Node).Select(c => GrainFactory.GetGrain<TChild>(c.Key, runKey)).ToArray();
        // A leaf activated again (its silo left the cluster mid-run) finds its partners from the run itself.
        else if (Partners is null && await RecoverPartnerIds(run) is { } ids) BindPartners(ids);
        return _run = run;
    }

    /// <summary>
    /// The ids of a leaf's partners without being told them: those of a generated population follow from the
    /// layout; a roster's come from what the leaf saved (see <see cref="CohortGrain"/>). Null: not known yet.
    /// </summary>
    protected virtual ValueTask<IReadOnlyList<long>?> RecoverPartnerIds(RunContext run) =>
        ValueTask.FromResult<IReadOnlyList<long>?>(run.Setup.Cuts is null ? null : GeneratedIds(run));

    private long[] GeneratedIds(RunContext run)
    {
        var (start, end) = run.Layout.Positions(Node);
        var ids = new long[end - start];
        for (int i = 0; i < ids.Length; i++) ids[i] = start + i + 1;
        return ids;
    }

    /// <summary>Leaf: takes the partners with these ids (ascending), keyed into this run.</summary>
    protected TPartner[] BindPartners(IReadOnlyList<long> ids)
    {
        var runKey = RunKey;
        var partners = new TPartner[ids.Count];
        for (int i = 0; i < partners.Length; i++) partners[i] = GrainFactory.GetGrain<TPartner>(ids[i], runKey);
        return Partners = partners;
    }

    /// <summary>Leaf of a generated population: partner id = position + 1.</summary>
    protected TPartner[] BindGeneratedPartners(RunContext run) => BindPartners(GeneratedIds(run));

    protected TPartner[] BoundPartners =>
        Partners ?? throw new InvalidOperationException($"cohort {this.GetPrimaryKeyLong(out _)} has no partners (not created)");

    /// <summary>Calls every partner at once; results in partner order.</summary>
    protected static Task<T[]> ToAll<T>(TPartner[] partners, Func<TPartner, Task<T>> call)
    {
        var calls = new Task<T>[partners.Length];
        for (int i = 0; i < partners.Length; i++) calls[i] = call(partners[i]);
        return Task.WhenAll(calls);
    }

    /// <summary>
    /// Calls every partner at once and hands each result to <paramref name="take"/>, in partner order. The pending
    /// calls sit in a pooled array: a fresh one per leaf and quarter (2,048 outcomes, ~250 KB) would be a
    /// large-object allocation every time, and those bring on full collections of a heap holding every partner.
    /// </summary>
    protected static async Task ToAll<T>(TPartner[] partners, Func<TPartner, ValueTask<T>> call, Action<T> take)
    {
        var calls = ArrayPool<ValueTask<T>>.Shared.Rent(partners.Length);
        try
        {
            for (int i = 0; i < partners.Length; i++) calls[i] = call(partners[i]);
            for (int i = 0; i < partners.Length; i++) take(await calls[i]);
        }
        finally
        {
            ArrayPool<ValueTask<T>>.Shared.Return(calls, clearArray: true);
        }
    }

    /// <summary>
    /// Calls the children, <see cref="ConcurrentChildren"/> at a time; results in child order. Once
    /// <paramref name="cancel"/> is cancelled no further child is called.
    /// </summary>
    protected async Task<T[]> ToChildren<T>(Func<TChild, Task<T>> call, CancellationToken cancel = default)
    {
        var children = _children!;
        var results = new T[children.Length];
        for (int first = 0; first < children.Length; first += ConcurrentChildren)
        {
            cancel.ThrowIfCancellationRequested();
            int count = Math.Min(ConcurrentChildren, children.Length - first);
            var batch = new Task<T>[count];
            for (int i = 0; i < count; i++) batch[i] = call(children[first + i]);
            (await Task.WhenAll(batch)).CopyTo(results, first);
        }
        return results;
    }
}
