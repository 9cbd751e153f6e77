using PartnerSim.Grains.Cohorts;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Population;

namespace PartnerSim.Grains.Runs;

/// <summary>A run's setup compiled once per silo: the rule book shared by every partner activation there.</summary>
public sealed class RunContext
{
    public RunSetup Setup { get; }
    public RuleBook Rules { get; }
    public PopulationGenerator Generator { get; }
    public CohortLayout Layout { get; }

    public RunContext(RunSetup setup)
    {
        Setup = setup;
        Rules = new RuleBook(setup.Options);
        Generator = new PopulationGenerator(Rules);
        Layout = new CohortLayout(setup.Partners, setup.Shape);
    }
}

/// <summary>Silo-wide cache of run contexts, filled from the run grain on first use.</summary>
public sealed class RunContextCache(IGrainFactory grains)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<RunContext>>> _runs = new();

    public ValueTask<RunContext> Get(string runKey)
    {
        var lazy = _runs.GetOrAdd(runKey, key => new Lazy<Task<RunContext>>(async () =>
            new RunContext(await grains.GetGrain<IRunGrain>(key).Get())));
        var task = lazy.Value;
        return task.IsCompletedSuccessfully ? new ValueTask<RunContext>(task.Result) : new ValueTask<RunContext>(task);
    }

    public void Forget(string runKey) => _runs.TryRemove(runKey, out _);
}
