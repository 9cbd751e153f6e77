using PartnerSim.Grains.Partners;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Grains.Cohorts;

/// <summary>
/// A node of the partner tree. A roster leaf saves its partner ids, so that after its silo leaves the cluster
/// it can be activated elsewhere and still find its partners.
/// </summary>
public sealed class CohortGrain(
    RunContextCache runs,
    [PersistentState("cohort", GrainStorage.Partners)] IPersistentState<CohortRecord> record)
    : CohortNode<ICohortGrain, IPartnerGrain>(runs), ICohortGrain
{
    protected override ValueTask<IReadOnlyList<long>?> RecoverPartnerIds(RunContext run) =>
        record.RecordExists ? ValueTask.FromResult<IReadOnlyList<long>?>(record.State.PartnerIds) : base.RecoverPartnerIds(run);

    public async Task<int> CreatePartners()
    {
        var run = await Run();
        if (!Node.IsLeaf) return (await ToChildren(c => c.CreatePartners())).Sum();
        var partners = Partners ?? BindGeneratedPartners(run); // bound on activation already, as the run is generated
        await ToAll(partners, async p => { await p.Create(); return 0; });
        return partners.Length;
    }

    public async Task LoadPartners(PartnerState[] states)
    {
        await Run();
        if (!Node.IsLeaf) throw new InvalidOperationException("only leaf cohorts hold partners");
        var ids = Array.ConvertAll(states, s => s.Id);
        var partners = BindPartners(ids);
        await Task.WhenAll(partners.Select((p, i) => p.Load(states[i])));
        record.State = new CohortRecord { PartnerIds = ids };
        await record.WriteStateAsync();
    }

    public async Task<QuarterStats> Step(int quarter)
    {
        await Run();
        var stats = new QuarterStats(quarter);
        if (Node.IsLeaf)
            await ToAll(BoundPartners, p => p.Step(quarter), outcome => stats.Add(outcome));
        else
            foreach (var child in await ToChildren(c => c.Step(quarter))) stats.Merge(child);
        return stats;
    }

    public async Task<byte[][]> BlockHashes()
    {
        await Run();
        if (!Node.IsLeaf) return (await ToChildren(c => c.BlockHashes())).SelectMany(h => h).ToArray();
        var states = await ToAll(BoundPartners, p => p.StateBytes());
        return states.Chunk(StateDigest.BlockSize).Select(StateDigest.BlockHashOfEncoded).ToArray();
    }
}
