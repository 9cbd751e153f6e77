namespace PartnerSim.Analytics.Statistics;

/// <summary>How a continuous factor's values spread over its range.</summary>
public enum FactorScale
{
    /// <summary>Equal lengths of the range are equally likely.</summary>
    Uniform,

    /// <summary>
    /// Equal ratios are equally likely: for rates and amounts spanning orders of magnitude, where a uniform
    /// scale would put nine samples in ten in the top decade.
    /// </summary>
    LogUniform,
}
