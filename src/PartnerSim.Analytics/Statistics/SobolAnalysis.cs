using MathNet.Numerics.Statistics;
using PartnerSim.Model.Random;

namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// Sobol indices from the outputs of a <see cref="SaltelliDesign"/>: first order by Saltelli's 2010 estimator,
/// V_i ≈ (1/N) Σ f(B)_j (f(AB_i)_j − f(A)_j), total by Jansen's 1999 estimator,
/// V_Ti ≈ (1/2N) Σ (f(A)_j − f(AB_i)_j)², both divided by the variance of the A and B outputs together
/// (the estimators Saltelli et al. 2010 recommend, Table 2). Intervals by the percentile bootstrap over the N rows.
/// </summary>
public static class SobolAnalysis
{
    public const int DefaultResamples = 1000;

    /// <summary>
    /// The indices of every factor. <paramref name="outputs"/> holds one model output per point of
    /// <see cref="SaltelliDesign.Points"/>, in that order. Each bootstrap resample draws N rows with replacement
    /// (the same rows for A, B and every AB_i, since a row's outputs are not independent of one another) from
    /// stream <see cref="RandomStream.Bootstrap"/>, partner = resample, so the intervals are reproducible from
    /// <paramref name="bootstrapSeed"/>.
    /// </summary>
    public static IReadOnlyList<SobolIndex> Indices(SaltelliDesign design, IReadOnlyList<double> outputs, ulong bootstrapSeed,
        int resamples = DefaultResamples, double confidence = 0.95)
    {
        int n = design.BaseSamples, d = design.Dimension;
        if (outputs.Count != design.Points.Count)
            throw new ArgumentException($"The design has {design.Points.Count} points but {outputs.Count} outputs were given.", nameof(outputs));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Must lie in (0, 1).");

        // A's outputs then B's in one array (their joint variance is the denominator), and AB_i's by factor.
        var outputsAandB = new double[n * 2];
        var outputsAB = new double[d][];
        for (int r = 0; r < n; r++) (outputsAandB[r], outputsAandB[n + r]) = (outputs[design.IndexOfA(r)], outputs[design.IndexOfB(r)]);
        for (int i = 0; i < d; i++)
        {
            outputsAB[i] = new double[n];
            for (int r = 0; r < n; r++) outputsAB[i][r] = outputs[design.IndexOfAB(i, r)];
        }

        var first = new double[d];
        var total = new double[d];
        Estimate(outputsAandB, outputsAB, first, total);

        // Resampled rows go into reused buffers: a thousand resamples of a large design would otherwise allocate
        // the whole output table a thousand times.
        var bootFirst = new double[d][];
        var bootTotal = new double[d][];
        for (int i = 0; i < d; i++) (bootFirst[i], bootTotal[i]) = (new double[resamples], new double[resamples]);
        var sampleAandB = new double[n * 2];
        var sampleAB = new double[d][];
        for (int i = 0; i < d; i++) sampleAB[i] = new double[n];
        var rows = new int[n];
        var (resFirst, resTotal) = (new double[d], new double[d]);
        var rng = new CounterRandom(bootstrapSeed);
        for (int b = 0; b < resamples; b++)
        {
            DrawRows(rng.At(b, 0, RandomStream.Bootstrap), rows);
            for (int r = 0; r < n; r++) (sampleAandB[r], sampleAandB[n + r]) = (outputsAandB[rows[r]], outputsAandB[n + rows[r]]);
            for (int i = 0; i < d; i++)
            {
                var (source, sample) = (outputsAB[i], sampleAB[i]);
                for (int r = 0; r < n; r++) sample[r] = source[rows[r]];
            }
            Estimate(sampleAandB, sampleAB, resFirst, resTotal);
            for (int i = 0; i < d; i++) (bootFirst[i][b], bootTotal[i][b]) = (resFirst[i], resTotal[i]);
        }

        var indices = new SobolIndex[d];
        for (int i = 0; i < d; i++)
            indices[i] = new SobolIndex(i, first[i], Percentile(bootFirst[i], confidence), total[i], Percentile(bootTotal[i], confidence));
        return indices;
    }

    /// <summary>
    /// N row numbers drawn with replacement, four to a Philox block (a 32-bit word each, scaled by multiply-shift:
    /// a bias below N/2³² is immaterial next to the bootstrap's own error), as drawing them is most of a resample's cost.
    /// </summary>
    private static void DrawRows(CounterRandom rng, int[] rows)
    {
        ulong n = (ulong)rows.Length;
        for (int r = 0; r < rows.Length; r += 4)
        {
            var (w0, w1, w2, w3) = rng.NextBlock();
            rows[r] = (int)(w0 * n >> 32);
            if (r + 1 < rows.Length) rows[r + 1] = (int)(w1 * n >> 32);
            if (r + 2 < rows.Length) rows[r + 2] = (int)(w2 * n >> 32);
            if (r + 3 < rows.Length) rows[r + 3] = (int)(w3 * n >> 32);
        }
    }

    /// <summary>The indices from A's and B's outputs (one array, A's first) and each AB_i's.</summary>
    private static void Estimate(double[] outputsAandB, double[][] outputsAB, double[] first, double[] total)
    {
        int n = outputsAandB.Length / 2;
        double variance = ArrayStatistics.PopulationVariance(outputsAandB);
        for (int i = 0; i < outputsAB.Length; i++)
        {
            double firstSum = 0, totalSum = 0;
            var ab = outputsAB[i];
            for (int r = 0; r < n; r++)
            {
                double a = outputsAandB[r], b = outputsAandB[n + r];
                firstSum += b * (ab[r] - a);
                totalSum += (a - ab[r]) * (a - ab[r]);
            }
            // A constant output has no variance to apportion: 0/0 is left as NaN rather than a made-up share.
            first[i] = firstSum / n / variance;
            total[i] = totalSum / (2.0 * n) / variance;
        }
    }

    private static ConfidenceInterval Percentile(double[] estimates, double confidence)
    {
        if (estimates.Any(double.IsNaN)) return new ConfidenceInterval(double.NaN, double.NaN);
        Array.Sort(estimates);
        double tail = (1 - confidence) / 2;
        return new ConfidenceInterval(
            SortedArrayStatistics.QuantileCustom(estimates, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(estimates, 1 - tail, QuantileDefinition.R7));
    }
}
