using MathNet.Numerics.Distributions;
using Descriptive = MathNet.Numerics.Statistics.Statistics;

namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// The mean of an output across replicates with its Student-t confidence interval, mean ± t(1 − α/2, n − 1)·s/√n:
/// replicates are few and their variance is estimated, so the normal z would be too narrow.
/// </summary>
public readonly record struct MeanInterval(double Mean, double HalfWidth, int Count, double StandardDeviation, double Confidence)
{
    public double Lower => Mean - HalfWidth;

    public double Upper => Mean + HalfWidth;

    public ConfidenceInterval Interval => new(Lower, Upper);

    /// <summary>The mean and interval of at least two replicate values.</summary>
    public static MeanInterval Of(IEnumerable<double> values, double confidence = 0.95)
    {
        var sample = values as IReadOnlyCollection<double> ?? values.ToArray();
        if (sample.Count < 2) throw new ArgumentException("A confidence interval needs at least two replicates.", nameof(values));
        var (mean, sd) = Descriptive.MeanStandardDeviation(sample);
        double halfWidth = CriticalT(sample.Count, confidence) * sd / Math.Sqrt(sample.Count);
        return new MeanInterval(mean, halfWidth, sample.Count, sd, confidence);
    }

    /// <summary>t(1 − α/2) with n − 1 degrees of freedom: the multiplier of s/√n for n values.</summary>
    public static double CriticalT(int count, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Must lie in (0, 1).");
        return StudentT.InvCDF(0, 1, count - 1, 1 - (1 - confidence) / 2);
    }
}
