using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// A full factorial design: every combination of the factors' values, the first factor varying slowest (as the
/// combinations of <c>sweep --set</c>). A discrete factor takes each of its levels (the middle of its stratum of the
/// unit interval); a continuous one takes <c>samples</c> evenly spaced values from its low end to its high end, evenly
/// on its own scale.
/// </summary>
public static class GridDesign
{
    public static double[][] UnitPoints(IReadOnlyList<Factor> factors, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        IEnumerable<double[]> points = [[]];
        foreach (var factor in factors)
        {
            var coordinates = Coordinates(factor, samples);
            points = points.SelectMany(prefix => coordinates.Select(u => (double[])[.. prefix, u]));
        }
        return points.ToArray();
    }

    private static double[] Coordinates(Factor factor, int samples) => factor.Levels is { } levels
        ? Enumerable.Range(0, levels.Count).Select(k => (k + 0.5) / levels.Count).ToArray()
        : Enumerable.Range(0, samples).Select(k => (double)k / (samples - 1)).ToArray();
}
