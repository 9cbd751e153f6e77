using PartnerSim.Grains.Detail;
using PartnerSim.Grains.Faults;
using PartnerSim.Grains.Partners;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Grains.Cohorts;

/// <summary>
/// A node of the partner tree. A roster leaf saves its partner ids, so that after its silo leaves the cluster
/// it can be activated elsewhere and still find its partners. Each node keeps its last quarter's reduction: the
/// reduction of (run, quarter) over a subtree is one value, so a retried step answers with it rather than being
/// counted again, and a node activated afresh recomputes it from partners that replay their stored outcomes. It is
/// kept in its wire form: a leaf's reduction of 2,048 partners is about 270 KB on the heap (its segment cells'
/// sketches) and 17–29 KB as bytes, and the kept reductions of a million partners' leaves held about half a
/// gigabyte; a retry, the only reader, is rare.
/// </summary>
public sealed class CohortGrain(
    RunContextCache runs,
    [PersistentState("cohort", GrainStorage.Partners)] IPersistentState<CohortRecord> record,
    ILeafStepFault fault)
    : CohortNode<ICohortGrain, IPartnerGrain>(runs), ICohortGrain
{
    private int _reducedQuarter = -1;
    private byte[]? _reduced;

    protected override ValueTask<IReadOnlyList<long>?> RecoverPartnerIds(RunContext run) =>
        record.RecordExists ? ValueTask.FromResult<IReadOnlyList<long>?>(record.State.PartnerIds) : base.RecoverPartnerIds(run);

    public async Task<int> CreatePartners(CancellationToken cancel)
    {
        var run = await Run();
        if (!Node.IsLeaf) return (await ToChildren(c => c.CreatePartners(cancel), cancel)).Sum();
        var partners = Partners ?? BindGeneratedPartners(run); // bound on activation already, as the run is generated
        await ToAll(partners, async p => { await p.Create(); return 0; });
        return partners.Length;
    }

    public async Task LoadPartners(PartnerState[] states, CancellationToken cancel)
    {
        await Run();
        if (!Node.IsLeaf) throw new InvalidOperationException("only leaf cohorts hold partners");
        var ids = Array.ConvertAll(states, s => s.Id);
        var partners = BindPartners(ids);
        await Task.WhenAll(partners.Select((p, i) => p.Load(states[i])));
        cancel.ThrowIfCancellationRequested();
        record.State = new CohortRecord { PartnerIds = ids };
        await record.WriteStateAsync();
    }

    public async Task<QuarterStats> Step(int quarter, IDetailSink? detail, CancellationToken cancel)
    {
        if (_reducedQuarter == quarter && _reduced is { } kept) return QuarterStats.FromBytes(kept);
        var stats = await Reduce(quarter, detail, cancel);
        if (Node.IsLeaf) fault.Stepped(quarter);
        (_reduced, _reducedQuarter) = (stats.ToBytes(), quarter);
        return stats;
    }

    private async Task<QuarterStats> Reduce(int quarter, IDetailSink? detail, CancellationToken cancel)
    {
        var run = await Run();
        var stats = new QuarterStats(quarter);
        if (!Node.IsLeaf)
        {
            foreach (var child in await ToChildren(c => c.Step(quarter, detail, cancel), cancel)) stats.Merge(child);
            return stats;
        }
        var recorded = detail is null ? null : RecordedHere(run);
        if (recorded is null || recorded.Length == 0)
        {
            await ToAll(BoundPartners, p => p.Step(quarter), outcome => stats.Add(outcome));
            return stats;
        }
        // The leaf keeps its recorded partners' outcomes and sends them in one batch before answering, so the quarter
        // is complete in the detail file when the root's answer arrives.
        var (start, _) = run.Layout.Positions(Node);
        var partners = BoundPartners;
        var outcomes = new PartnerOutcome[partners.Length];
        int i = 0;
        await ToAll(partners, p => p.Step(quarter), outcome => { stats.Add(outcome); outcomes[i++] = outcome; });
        await detail!.Record(quarter, new DetailBatch
        {
            Positions = recorded,
            Ids = Array.ConvertAll(recorded, position => partners[position - start].GetPrimaryKeyLong(out _)),
            Outcomes = Array.ConvertAll(recorded, position => outcomes[position - start]),
        }, cancel);
        return stats;
    }

    /// <summary>The positions of this leaf's partners that the run records (all, or those of a sample).</summary>
    private int[] RecordedHere(RunContext run)
    {
        var (start, end) = run.Layout.Positions(Node);
        if (run.Setup.DetailPositions is not { } chosen) return Enumerable.Range(start, end - start).ToArray();
        int from = Array.BinarySearch(chosen, start), to = Array.BinarySearch(chosen, end);
        from = from < 0 ? ~from : from;
        to = to < 0 ? ~to : to;
        return chosen[from..to];
    }

    public async Task<byte[][]> BlockHashes(CancellationToken cancel)
    {
        await Run();
        if (!Node.IsLeaf) return (await ToChildren(c => c.BlockHashes(cancel), cancel)).SelectMany(h => h).ToArray();
        var states = await ToAll(BoundPartners, p => p.StateBytes());
        return states.Chunk(StateDigest.BlockSize).Select(StateDigest.BlockHashOfEncoded).ToArray();
    }
}
