namespace PartnerSim.Analytics.Statistics;

/// <summary>A two-sided confidence interval [Lower, Upper].</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    public double Width => Upper - Lower;
}
