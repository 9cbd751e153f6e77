using PartnerSim.Grains.Partners;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Grains.Cohorts;

public sealed class CohortGrain(RunContextCache runs) : Grain, ICohortGrain
{
    private IPartnerGrain[]? _partners;
    private CohortLayout.Node _node;
    private RunContext? _run;

    private async Task<RunContext> Run()
    {
        if (_run is not null) return _run;
        _run = await runs.Get(RunKey);
        _node = _run.Layout.Find(this.GetPrimaryKeyLong(out _));
        return _run;
    }

    private string RunKey { get { this.GetPrimaryKeyLong(out var run); return run!; } }

    private ICohortGrain[] Children(RunContext run)
    {
        var runKey = RunKey;
        return run.Layout.Children(_node).Select(c => GrainFactory.GetGrain<ICohortGrain>(c.Key, runKey)).ToArray();
    }

    private IPartnerGrain[] Bind(IEnumerable<long> ids)
    {
        var runKey = RunKey;
        return _partners = ids.Select(id => GrainFactory.GetGrain<IPartnerGrain>(id, runKey)).ToArray();
    }

    public async Task<int> CreatePartners()
    {
        var run = await Run();
        if (!_node.IsLeaf) return (await Task.WhenAll(Children(run).Select(c => c.CreatePartners()))).Sum();
        var (start, end) = run.Layout.Positions(_node);
        var partners = Bind(Enumerable.Range(start, end - start).Select(pos => (long)pos + 1));
        await Task.WhenAll(partners.Select(p => p.Create()));
        return partners.Length;
    }

    public async Task LoadPartners(PartnerState[] states)
    {
        var run = await Run();
        if (!_node.IsLeaf) throw new InvalidOperationException("only leaf cohorts hold partners");
        var partners = Bind(states.Select(s => s.Id));
        await Task.WhenAll(partners.Select((p, i) => p.Load(states[i])));
    }

    public async Task<QuarterStats> Step(int quarter)
    {
        var run = await Run();
        var stats = new QuarterStats(quarter);
        if (_node.IsLeaf)
        {
            var partners = _partners ?? throw new InvalidOperationException("cohort has no partners (not created)");
            var calls = new Task<PartnerOutcome>[partners.Length];
            for (int i = 0; i < partners.Length; i++) calls[i] = partners[i].Step(quarter);
            await Task.WhenAll(calls);
            foreach (var call in calls) stats.Add(call.Result);
            return stats;
        }
        foreach (var child in await Task.WhenAll(Children(run).Select(c => c.Step(quarter)))) stats.Merge(child);
        return stats;
    }

    public async Task<byte[][]> BlockHashes()
    {
        var run = await Run();
        if (!_node.IsLeaf) return (await Task.WhenAll(Children(run).Select(c => c.BlockHashes()))).SelectMany(h => h).ToArray();
        var partners = _partners ?? throw new InvalidOperationException("cohort has no partners (not created)");
        var states = await Task.WhenAll(partners.Select(p => p.StateBytes()));
        return states.Chunk(StateDigest.BlockSize).Select(StateDigest.BlockHashOfEncoded).ToArray();
    }

    public async Task Checkpoint()
    {
        var run = await Run();
        if (_node.IsLeaf) await Task.WhenAll((_partners ?? []).Select(p => p.Checkpoint()));
        else await Task.WhenAll(Children(run).Select(c => c.Checkpoint()));
    }
}
