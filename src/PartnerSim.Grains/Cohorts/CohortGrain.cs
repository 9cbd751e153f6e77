using PartnerSim.Grains.Partners;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Grains.Cohorts;

public sealed class CohortGrain(RunContextCache runs) : CohortNode<ICohortGrain, IPartnerGrain>(runs), ICohortGrain
{
    public async Task<int> CreatePartners()
    {
        var run = await Run();
        if (!Node.IsLeaf) return (await ToChildren(c => c.CreatePartners())).Sum();
        var partners = BindGeneratedPartners(run);
        await ToAll(partners, async p => { await p.Create(); return 0; });
        return partners.Length;
    }

    public async Task LoadPartners(PartnerState[] states)
    {
        await Run();
        if (!Node.IsLeaf) throw new InvalidOperationException("only leaf cohorts hold partners");
        var partners = BindPartners(Array.ConvertAll(states, s => s.Id));
        await Task.WhenAll(partners.Select((p, i) => p.Load(states[i])));
    }

    public async Task<QuarterStats> Step(int quarter)
    {
        await Run();
        var stats = new QuarterStats(quarter);
        if (Node.IsLeaf)
            foreach (var outcome in await ToAll(BoundPartners, p => p.Step(quarter))) stats.Add(outcome);
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
