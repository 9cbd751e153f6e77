using Orleans.Placement;
using PartnerSim.Grains.Cohorts;
using PartnerSim.Grains.Runs;

namespace PartnerSim.Grains.Bench;

/// <summary>Placed like <c>PartnerGrain</c>: on the silo of its first caller, its leaf cohort.</summary>
[PreferLocalPlacement]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task Activate() => Task.CompletedTask;

    public ValueTask<int> Ping(int quarter) => new(1);
}

/// <summary>
/// Fans out exactly as <see cref="CohortGrain"/> does (the same <see cref="CohortNode{TChild,TPartner}"/>:
/// same tree, same concurrency), with nothing to compute: the ceiling of Orleans messaging here.
/// </summary>
public sealed class PingCohortGrain(RunContextCache runs) : CohortNode<IPingCohortGrain, IPingGrain>(runs), IPingCohortGrain
{
    public async Task<int> Activate()
    {
        var run = await Run();
        if (!Node.IsLeaf) return (await ToChildren(c => c.Activate())).Sum();
        var partners = BindGeneratedPartners(run);
        await ToAll(partners, async p => { await p.Activate(); return 0; });
        return partners.Length;
    }

    public async Task<int> Ping(int quarter)
    {
        await Run();
        if (!Node.IsLeaf) return (await ToChildren(c => c.Ping(quarter))).Sum();
        int answers = 0;
        await ToAll(BoundPartners, p => p.Ping(quarter), answer => answers += answer);
        return answers;
    }
}
