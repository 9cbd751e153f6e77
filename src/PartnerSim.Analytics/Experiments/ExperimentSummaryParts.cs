namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// One output of an experiment as its summary.json gives it: the figure query and unit (usd, partners, ratio, …),
/// every design point, the factors' swings, the Sobol indices (sobol designs) or Morris effects (morris designs), and
/// the replicate advice (two replicates or more). Undefined numbers are null.
/// </summary>
public sealed record OutputSummary(string Name, string Query, string Unit, IReadOnlyList<PointSummary> Points,
    IReadOnlyList<SwingSummary> Swings, IReadOnlyList<SobolSummary>? Sobol, IReadOnlyList<MorrisSummary>? Morris, ReplicateAdvice? Advice);

/// <summary>An output at one design point: the factors' values as the scenario took them (in factor order), the replicates
/// where the output is defined, their mean and 95% interval.</summary>
public sealed record PointSummary(int Point, IReadOnlyList<string> Factors, int Replicates, double? Mean, double? Lower, double? Upper);

/// <summary>A factor's tornado bar: the output's mean where the factor is lowest and where it is highest.</summary>
public sealed record SwingSummary(int Factor, double? LowMean, double? HighMean, double? Swing);

/// <summary>A factor's first-order and total Sobol indices with their 95% bootstrap intervals.</summary>
public sealed record SobolSummary(int Factor, double? First, double? FirstLower, double? FirstUpper, double? Total, double? TotalLower, double? TotalUpper);

/// <summary>A factor's Morris μ (mean elementary effect), μ* (mean absolute effect) and σ (their standard deviation).</summary>
public sealed record MorrisSummary(int Factor, double? Mu, double? MuStar, double? Sigma);
