using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;

namespace PartnerSim.Grains.Runs;

/// <summary>What every silo needs to know about a run: the scenario, how partners are made, and the cohort tree.</summary>
[GenerateSerializer, Immutable]
public sealed record RunSetup
{
    [Id(0)] public required ScenarioOptions Options { get; init; }
    [Id(1)] public required int Partners { get; init; }
    /// <summary>Tier boundaries of a generated population; null when partners come from a roster.</summary>
    [Id(2)] public TierCuts? Cuts { get; init; }
    [Id(3)] public required CohortShape Shape { get; init; }
    /// <summary>
    /// Write partner state to storage after creation and every this many quarters (and after the last);
    /// 0 never writes: the state lives in the activations only, which is all an in-memory host can offer anyway.
    /// </summary>
    [Id(4)] public int CheckpointEvery { get; init; } = 1;
    /// <summary>
    /// The positions a sampled detail file records, ascending; null records every partner (when the run keeps detail
    /// at all: that is decided by passing a sink to each quarter's step).
    /// </summary>
    [Id(5)] public int[]? DetailPositions { get; init; }
}

/// <summary>Partners per leaf cohort and children per inner cohort.</summary>
[GenerateSerializer, Immutable]
public sealed record CohortShape
{
    [Id(0)] public int LeafSize { get; init; } = 2048;
    [Id(1)] public int FanOut { get; init; } = 16;

    /// <summary>What is wrong with this shape, naming the command-line option; null when it is usable.</summary>
    public string? Problem =>
        LeafSize <= 0 || LeafSize % StateDigest.BlockSize != 0
            ? $"--leaf-size: must be a positive multiple of {StateDigest.BlockSize} (got {LeafSize})"
            : FanOut < 2 ? $"--fan-out: must be at least 2 (got {FanOut})" : null;
}
