using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// What an experiment runs, apart from running it: its factors, design, replicates and outputs. Run k is design point
/// k / R on replicate k mod R; replicate r runs on seed <see cref="ReplicateSeeds"/>[r] at every design point
/// (common random numbers: points differ by their factors, not by their luck).
/// </summary>
public sealed class ExperimentSetup
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>The base scenario's file name.</summary>
    public required string BaseScenario { get; init; }
    public required int Partners { get; init; }
    public required int Quarters { get; init; }
    public required ulong MasterSeed { get; init; }
    public required int Replicates { get; init; }
    public required IReadOnlyList<ExperimentFactor> Factors { get; init; }
    public required IReadOnlyList<ExperimentOutput> Outputs { get; init; }
    public required ExperimentDesign Design { get; init; }
    /// <summary>SHA-256 of everything the results depend on (experiment, base scenario, overrides, rule engine build).</summary>
    public required string Fingerprint { get; init; }

    public int Points => Design.Points.Count;

    public int Runs => Points * Replicates;

    public ulong[] ReplicateSeeds => _seeds ??= Statistics.ReplicateSeeds.First(MasterSeed, Replicates);
    private ulong[]? _seeds;

    public int RunIndex(int point, int replicate) => point * Replicates + replicate;

    public (int Point, int Replicate) RunAt(int run) => (run / Replicates, run % Replicates);
}
