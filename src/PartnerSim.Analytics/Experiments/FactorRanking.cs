namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// The factors of an output in order of importance by the design's own measure: the total Sobol index (sobol designs),
/// Morris μ* (morris designs), else the size of the swing. Factors whose measure is undefined come last; ties keep the
/// experiment's order.
/// </summary>
public static class FactorRanking
{
    public static IReadOnlyList<int> Of(OutputSummary output, int factors)
    {
        double? Measure(int j) => output.Sobol is { } sobol ? sobol.FirstOrDefault(s => s.Factor == j)?.Total
            : output.Morris is { } morris ? morris.FirstOrDefault(e => e.Factor == j)?.MuStar
            : output.Swings.FirstOrDefault(s => s.Factor == j)?.Swing is { } swing ? Math.Abs(swing) : null;
        return [.. Enumerable.Range(0, factors).OrderByDescending(j => Measure(j) ?? double.NegativeInfinity)];
    }

    /// <summary>The measure the ranking is by, in words.</summary>
    public static string MeasureName(OutputSummary output) =>
        output.Sobol is not null ? "total Sobol index" : output.Morris is not null ? "Morris μ*" : "swing";
}
