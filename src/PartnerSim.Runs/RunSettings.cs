using PartnerSim.Grains.Runs;
using PartnerSim.Inputs;
using PartnerSim.Model.Engine;
using PartnerSim.Silo;

namespace PartnerSim.Runs;

/// <summary>How to run a scenario, apart from the scenario itself: the engine, and for grains the host and tree.</summary>
public sealed record RunSettings
{
    public EngineKind Engine { get; init; } = EngineKind.Grains;
    public CohortShape Shape { get; init; } = new();
    /// <summary>Write partner state every this many quarters; null: 1 on a durable host, else 0 (never).</summary>
    public int? CheckpointEvery { get; init; }
    /// <summary>Run an in-process silo whose state and membership live in this PostgreSQL database.</summary>
    public string? Postgres { get; init; }
    /// <summary>Run as a client of a running PostgreSQL-backed cluster.</summary>
    public string? Connect { get; init; }
    public string ClusterId { get; init; } = ClusterSilo.DefaultClusterId;
    /// <summary>Which partners the detail file records; null: the default for the population's size.</summary>
    public DetailSelection? Detail { get; init; }
    /// <summary>Told the run id once a run on PostgreSQL is recorded there (what <c>partnersim resume</c> takes).</summary>
    public Action<string>? Started { get; init; }

    /// <summary>Checks the settings; throws <see cref="BadInputException"/> naming the option.</summary>
    public RunSettings Validated()
    {
        if (Shape.Problem is { } problem) throw new BadInputException(problem);
        if (CheckpointEvery < 0) throw new BadInputException("--checkpoint-every: must be 0 or more");
        if (Postgres is not null && Connect is not null) throw new BadInputException("--postgres and --connect: choose one");
        if (Engine == EngineKind.Inproc && (Postgres ?? Connect) is not null)
            throw new BadInputException("--engine inproc: runs without Orleans; drop --postgres / --connect");
        return this;
    }

    public GrainHost Host => GrainHost.For(Postgres, Connect, ClusterId);
}
