using Orleans.Placement;
using PartnerSim.Grains.Cohorts;
using PartnerSim.Grains.Runs;

namespace PartnerSim.Grains.Bench;

/// <summary>Placed like <c>PartnerGrain</c>: on the silo of its first caller, its leaf cohort.</summary>
[PreferLocalPlacement]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task Activate() => Task.CompletedTask;

    public Task<int> Ping(int quarter) => Task.FromResult(1);
}

/// <summary>
/// Fans out exactly as <c>CohortGrain</c> does (same run setup lookup, same <see cref="CohortLayout"/> tree,
/// one concurrent call per partner at the leaves, reduction on the way up), with nothing to compute.
/// </summary>
public sealed class PingCohortGrain(RunContextCache runs) : Grain, IPingCohortGrain
{
    private IPingCohortGrain[]? _children;
    private IPingGrain[]? _partners;

    private async Task Bind()
    {
        if (_children is not null || _partners is not null) return;
        long key = this.GetPrimaryKeyLong(out var keyExtension);
        string runKey = keyExtension!;
        var layout = (await runs.Get(runKey)).Layout;
        var node = layout.Find(key);
        if (node.IsLeaf)
        {
            var (start, end) = layout.Positions(node);
            _partners = new IPingGrain[end - start];
            for (int i = 0; i < _partners.Length; i++) _partners[i] = GrainFactory.GetGrain<IPingGrain>(start + i + 1, runKey);
        }
        else _children = layout.Children(node).Select(c => GrainFactory.GetGrain<IPingCohortGrain>(c.Key, runKey)).ToArray();
    }

    public async Task<int> Activate()
    {
        await Bind();
        if (_children is not null) return Sum(await Task.WhenAll(Array.ConvertAll(_children, c => c.Activate())));
        await Task.WhenAll(Array.ConvertAll(_partners!, p => p.Activate()));
        return _partners!.Length;
    }

    public async Task<int> Ping(int quarter)
    {
        await Bind();
        if (_children is not null) return Sum(await Task.WhenAll(Array.ConvertAll(_children, c => c.Ping(quarter))));
        var partners = _partners!;
        var calls = new Task<int>[partners.Length];
        for (int i = 0; i < partners.Length; i++) calls[i] = partners[i].Ping(quarter);
        return Sum(await Task.WhenAll(calls));
    }

    private static int Sum(int[] counts)
    {
        int total = 0;
        foreach (int c in counts) total += c;
        return total;
    }
}
