namespace PartnerSim.Analytics.Compare;

/// <summary>
/// A figure on both sides and its difference B − A. With replicates A and B are means and the delta carries its
/// confidence interval [Low, High]; with one run a side there is no interval. Null where the figure is undefined.
/// </summary>
public sealed record FigureDelta(string Name, double? A, double? B, double? Delta, double? Low, double? High)
{
    /// <summary>The delta is zero, or undefined on both sides alike.</summary>
    public bool IsZero => Delta is null ? A is null == B is null : Delta == 0;
}
