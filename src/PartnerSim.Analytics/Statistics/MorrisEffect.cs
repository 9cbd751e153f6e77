namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// One factor's elementary effects summarised (Morris 1991; μ* from Campolongo et al. 2007), in output units per
/// unit of the factor's coordinate, so factors of different units compare. <see cref="MuStar"/> (mean |EE|)
/// ranks importance even when effects of opposite sign cancel in <see cref="Mu"/>; <see cref="Sigma"/> (sample
/// standard deviation of EE) is 0 for a factor acting linearly and alone, and grows with curvature and
/// interactions. Sigma is NaN with a single trajectory.
/// </summary>
public sealed record MorrisEffect(int Factor, double Mu, double MuStar, double Sigma);
