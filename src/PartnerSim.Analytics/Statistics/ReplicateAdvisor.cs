using MathNet.Numerics.Distributions;
using Descriptive = MathNet.Numerics.Statistics.Statistics;

namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// How many replicates an output needs: from a pilot sample's mean and standard deviation, the least n whose
/// <see cref="MeanInterval"/> half-width t(n − 1)·s/√n is within a fraction of |mean|, that is
/// n ≥ (t(n − 1)·s / (fraction·|mean|))². t falls as n grows, so the condition holds from some n on; that n is
/// found by search rather than with the normal z, which would advise too few replicates for small n.
/// </summary>
public static class ReplicateAdvisor
{
    /// <summary>
    /// The total number of replicates (at least 2) for a half-width within <paramref name="relativeHalfWidth"/> of
    /// the mean, assuming the pilot's mean and standard deviation hold; null when no count reaches it (the pilot
    /// mean is 0 while the values vary, or more than <see cref="int.MaxValue"/> would be needed).
    /// </summary>
    public static int? Replicates(IEnumerable<double> pilot, double relativeHalfWidth = 0.05, double confidence = 0.95)
    {
        var sample = pilot as IReadOnlyCollection<double> ?? pilot.ToArray();
        if (sample.Count < 2) throw new ArgumentException("A pilot needs at least two replicates to estimate their spread.", nameof(pilot));
        if (!(relativeHalfWidth > 0)) throw new ArgumentOutOfRangeException(nameof(relativeHalfWidth), relativeHalfWidth, "Must be positive.");
        var (mean, sd) = Descriptive.MeanStandardDeviation(sample);
        if (sd == 0) return 2;
        double target = relativeHalfWidth * Math.Abs(mean);
        if (target == 0) return null;
        double ratio = sd / target;
        bool Enough(long n) => n >= Math.Pow(MeanInterval.CriticalT((int)n, confidence) * ratio, 2);

        // t > z for every n, so the normal bound is a floor; double up from it to a count that is enough, then
        // bisect between the last count that was not and it.
        double z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        double floor = Math.Ceiling(z * z * ratio * ratio);
        if (floor > int.MaxValue) return null;
        long low = Math.Max(2, (long)floor), high = low;
        while (!Enough(high))
        {
            low = high + 1;
            high *= 2;
            if (high > int.MaxValue) return Enough(int.MaxValue) ? Search(low, int.MaxValue) : null;
        }
        return Search(low, high);

        int Search(long lo, long hi)
        {
            while (lo < hi)
            {
                long mid = lo + (hi - lo) / 2;
                if (Enough(mid)) hi = mid; else lo = mid + 1;
            }
            return (int)hi;
        }
    }
}
