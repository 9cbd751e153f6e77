namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// The Lorenz curve of non-negative holdings, from (0, 0) to (1, 1) through each holder (or bucket) in ascending
/// order, and its Gini coefficient, 1 − 2·(area under the curve), the population Gini
/// Σᵢ Σⱼ |xᵢ − xⱼ| / (2n²·mean): 0 when all hold the same, (n − 1)/n when one holds everything.
/// </summary>
public sealed class LorenzCurve
{
    private readonly LorenzPoint[] _points;

    private LorenzCurve(LorenzPoint[] points, double gini) => (_points, Gini) = (points, gini);

    public IReadOnlyList<LorenzPoint> Points => _points;

    public double Gini { get; }

    /// <summary>The exact curve of individual holdings: one point per holder.</summary>
    public static LorenzCurve Of(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Any(v => !(v >= 0) || double.IsInfinity(v)))
            throw new ArgumentException("Lorenz curves need finite, non-negative values.", nameof(values));
        Array.Sort(sorted);
        return OfBuckets(sorted.Select(v => new ValueBucket(1, v)));
    }

    /// <summary>
    /// The curve through bucket boundaries, buckets given in ascending order of value. Inside a bucket it is a
    /// straight line, as if its holders held equal shares, so it is exact when every bucket holds equal values and
    /// otherwise lies on or above the exact curve (its Gini a lower bound).
    /// </summary>
    public static LorenzCurve OfBuckets(IEnumerable<ValueBucket> buckets)
    {
        var kept = new List<ValueBucket>();
        double previousMean = 0;
        foreach (var bucket in buckets)
        {
            if (bucket.Count < 0 || !(bucket.Sum >= 0) || double.IsInfinity(bucket.Sum))
                throw new ArgumentException($"Bucket {kept.Count} has count {bucket.Count} and sum {bucket.Sum}: both must be finite and non-negative.", nameof(buckets));
            if (bucket.Count == 0)
            {
                if (bucket.Sum != 0) throw new ArgumentException($"An empty bucket holds {bucket.Sum}.", nameof(buckets));
                continue;
            }
            double mean = bucket.Sum / bucket.Count;
            // Rounding in a sketch's sums may leave equal means a few ulps apart.
            if (mean < previousMean * (1 - 1e-12))
                throw new ArgumentException($"Buckets must ascend by mean value: {mean} follows {previousMean}.", nameof(buckets));
            previousMean = Math.Max(previousMean, mean);
            kept.Add(bucket);
        }
        if (kept.Count == 0) throw new ArgumentException("A Lorenz curve needs at least one holder.", nameof(buckets));

        double population = kept.Sum(b => (double)b.Count), total = kept.Sum(b => b.Sum);
        var points = new LorenzPoint[kept.Count + 1];
        points[0] = new LorenzPoint(0, 0);
        double people = 0, held = 0;
        for (int k = 0; k < kept.Count; k++)
        {
            people += kept[k].Count;
            held += kept[k].Sum;
            // When nobody holds anything, everyone holds the same: the line of equality.
            points[k + 1] = new LorenzPoint(people / population, total == 0 ? people / population : held / total);
        }
        points[^1] = new LorenzPoint(1, 1);

        double twiceArea = 0;
        for (int k = 1; k < points.Length; k++)
            twiceArea += (points[k].PopulationShare - points[k - 1].PopulationShare) * (points[k].ValueShare + points[k - 1].ValueShare);
        return new LorenzCurve(points, 1 - twiceArea);
    }
}
