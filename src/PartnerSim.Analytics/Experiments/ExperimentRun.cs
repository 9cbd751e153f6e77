namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// One finished run of an experiment: design point <see cref="Point"/> on replicate <see cref="Replicate"/>'s
/// <see cref="Seed"/>, its digest, and one value per output (null where the figure is undefined on the run).
/// </summary>
public sealed record ExperimentRun(int Point, int Replicate, ulong Seed, string Digest, IReadOnlyList<decimal?> Outputs);
