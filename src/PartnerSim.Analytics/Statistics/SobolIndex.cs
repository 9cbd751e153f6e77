namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// One factor's Sobol indices: <see cref="First"/>, the share of the output's variance it explains alone, and
/// <see cref="Total"/>, the share it takes part in, interactions included (Total − First measures its
/// interactions). Each with a bootstrap percentile interval. NaN when the output does not vary.
/// </summary>
public sealed record SobolIndex(int Factor, double First, ConfidenceInterval FirstInterval, double Total, ConfidenceInterval TotalInterval);
