using MathNet.Numerics.Distributions;
using PartnerSim.Analytics.Statistics;
using Descriptive = MathNet.Numerics.Statistics.Statistics;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// The difference of a figure between two sides of replicates, with a 95% confidence interval. Paired (the same seeds
/// on both sides: each seed is the same partners under both rule sets): the Student-t interval of the per-seed
/// differences. Unpaired: Welch's interval, its degrees of freedom from the Welch–Satterthwaite equation; a side of one
/// run counts as a fixed value. One run a side: the difference alone.
/// </summary>
public static class DeltaInterval
{
    public const double Confidence = 0.95;

    public static FigureDelta Of(string name, IReadOnlyList<double?> a, IReadOnlyList<double?> b, bool paired)
    {
        var av = a.OfType<double>().ToArray();
        var bv = b.OfType<double>().ToArray();
        double? meanA = av.Length > 0 ? av.Average() : null, meanB = bv.Length > 0 ? bv.Average() : null;
        if (meanA is null || meanB is null) return new FigureDelta(name, meanA, meanB, null, null, null);
        double delta = Difference(meanA.Value, meanB.Value);
        if (paired && a.Count == b.Count)
        {
            var differences = a.Zip(b).Where(p => p.First is not null && p.Second is not null).Select(p => Difference(p.First!.Value, p.Second!.Value)).ToArray();
            if (differences.Length < 2) return new FigureDelta(name, meanA, meanB, delta, null, null);
            var interval = MeanInterval.Of(differences, Confidence);
            return new FigureDelta(name, meanA, meanB, delta, interval.Lower, interval.Upper);
        }
        var (low, high) = Welch(av, bv);
        return new FigureDelta(name, meanA, meanB, delta, low, high);
    }

    /// <summary>b − a, taken in decimal: the figures are written to the cent, and their difference should be too
    /// (in binary floating point 2601782410.96 − 2603214462.99 is −1432052.0299997…).</summary>
    public static double Difference(double a, double b) =>
        Math.Abs(a) < 1e20 && Math.Abs(b) < 1e20 ? (double)((decimal)b - (decimal)a) : b - a;

    /// <summary>Welch's interval of mean(b) − mean(a); null when neither side has two values.</summary>
    public static (double? Low, double? High) Welch(double[] a, double[] b)
    {
        double va = a.Length > 1 ? Descriptive.Variance(a) / a.Length : 0;
        double vb = b.Length > 1 ? Descriptive.Variance(b) / b.Length : 0;
        if (a.Length < 2 && b.Length < 2) return (null, null);
        double delta = b.Average() - a.Average();
        double se = Math.Sqrt(va + vb);
        if (se == 0) return (delta, delta);
        double df = (va + vb) * (va + vb) /
            ((a.Length > 1 ? va * va / (a.Length - 1) : 0) + (b.Length > 1 ? vb * vb / (b.Length - 1) : 0));
        double t = StudentT.InvCDF(0, 1, df, 1 - (1 - Confidence) / 2);
        return (delta - t * se, delta + t * se);
    }
}
