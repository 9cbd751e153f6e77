using MathNet.Numerics.Statistics;
using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Tests.Statistics;

/// <summary>
/// Sobol indices against the Ishigami function's analytic values, the estimators' formulas by hand on a tiny
/// table, and the bootstrap intervals against the spread of independent repetitions.
/// </summary>
public class SobolAnalysisTests
{
    private const double A = 7, B = 0.1;

    private static readonly FactorSpace IshigamiSpace =
        new(Factor.Range("x1", -Math.PI, Math.PI), Factor.Range("x2", -Math.PI, Math.PI), Factor.Range("x3", -Math.PI, Math.PI));

    /// <summary>Ishigami and Homma (1990): y = sin x1 + a sin² x2 + b x3⁴ sin x1, xᵢ uniform on [−π, π].</summary>
    private static double Ishigami(double[] x) => Math.Sin(x[0]) + A * Math.Pow(Math.Sin(x[1]), 2) + B * Math.Pow(x[2], 4) * Math.Sin(x[0]);

    private static double[] Outputs(SaltelliDesign design) =>
        design.Points.Select(p => Ishigami(IshigamiSpace.ValuesAt(p))).ToArray();

    // The analytic partial variances (Sobol' and Levitan 1999; Saltelli et al., Global Sensitivity Analysis: The
    // Primer, 2008, §4.8): V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225, and
    // V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½. S1 ≈ (0.314, 0.442, 0), ST ≈ (0.558, 0.442, 0.244).
    private static readonly double V1 = 0.5 * Math.Pow(1 + B * Math.Pow(Math.PI, 4) / 5, 2), V2 = A * A / 8,
        V13 = 8 * B * B * Math.Pow(Math.PI, 8) / 225,
        V = A * A / 8 + B * Math.Pow(Math.PI, 4) / 5 + B * B * Math.Pow(Math.PI, 8) / 18 + 0.5;

    private static readonly double[] FirstOrder = [V1 / V, V2 / V, 0];
    private static readonly double[] TotalOrder = [(V1 + V13) / V, V2 / V, V13 / V];

    [Fact]
    public void AnalyticIshigamiValues_AreThePublishedOnes()
    {
        Assert.Equal([0.3139, 0.4424, 0.0], FirstOrder.Select(s => Math.Round(s, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], TotalOrder.Select(s => Math.Round(s, 4)));
    }

    [Fact]
    public void Ishigami_IndicesMatchTheAnalyticValues()
    {
        // N = 8192 gives 40,960 runs. The estimators' standard errors there are about 0.015 (S1 and ST of x1; the
        // bootstrap intervals are about ±0.03) and 0.005–0.008 (ST of x2, x3), so ±0.05 is over three of them,
        // while a wrong estimator misses some index by more than 0.1 (a total without the ½ doubles it; A in
        // place of B in the first-order sum gives 1 − ST, 0.44 for x1).
        var design = SaltelliDesign.Create(8192, 3, seed: 1);
        Assert.Equal(8192 * 5, design.Points.Count);
        var indices = SobolAnalysis.Indices(design, Outputs(design), bootstrapSeed: 2);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(i, indices[i].Factor);
            Assert.InRange(indices[i].First, FirstOrder[i] - 0.05, FirstOrder[i] + 0.05);
            Assert.InRange(indices[i].Total, TotalOrder[i] - 0.05, TotalOrder[i] + 0.05);
            Assert.True(indices[i].FirstInterval.Contains(indices[i].First));
            Assert.True(indices[i].TotalInterval.Contains(indices[i].Total));
            Assert.InRange(indices[i].FirstInterval.Width, 0.001, 0.1);
            Assert.InRange(indices[i].TotalInterval.Width, 0.001, 0.1);
        }
    }

    [Fact]
    public void Estimators_FollowSaltelli2010AndJansen1999()
    {
        // N = 2, d = 1, outputs f(A) = (1, 3), f(B) = (2, 4), f(AB₁) = (2, 5).
        // V = population variance of {1, 3, 2, 4} = 1.25.
        // S1 = (1/N) Σ f(B)(f(AB) − f(A)) / V = ½(2·1 + 4·2) / 1.25 = 4.
        // ST = (1/2N) Σ (f(A) − f(AB))² / V = ¼(1 + 4) / 1.25 = 1.
        var design = SaltelliDesign.Create(2, 1, seed: 3);
        var index = SobolAnalysis.Indices(design, [1, 3, 2, 4, 2, 5], bootstrapSeed: 4, resamples: 10).Single();
        Assert.Equal(4.0, index.First, 12);
        Assert.Equal(1.0, index.Total, 12);
    }

    [Fact]
    public void Design_AbMatricesAreA_WithOneColumnFromB()
    {
        var design = SaltelliDesign.Create(16, 4, seed: 5);
        for (int r = 0; r < 16; r++)
        {
            var a = design.Points[design.IndexOfA(r)];
            var b = design.Points[design.IndexOfB(r)];
            Assert.All(a.Concat(b), u => Assert.InRange(u, 0.0, Math.BitDecrement(1.0)));
            for (int i = 0; i < 4; i++)
            {
                var ab = design.Points[design.IndexOfAB(i, r)];
                for (int j = 0; j < 4; j++) Assert.Equal(j == i ? b[j] : a[j], ab[j]);
            }
        }
    }

    [Fact]
    public void SameSeeds_SameIndices_OtherSeed_OtherDesign()
    {
        DesignReproducibility.Check(seed => SaltelliDesign.Create(64, 3, seed).Points, seed: 9);
        var one = SaltelliDesign.Create(64, 3, seed: 9);
        var two = SaltelliDesign.Create(64, 3, seed: 9);
        Assert.Equal(SobolAnalysis.Indices(one, Outputs(one), 11, 200), SobolAnalysis.Indices(two, Outputs(two), 11, 200));
        Assert.NotEqual(SobolAnalysis.Indices(one, Outputs(one), 11, 200)[0].FirstInterval,
            SobolAnalysis.Indices(one, Outputs(one), 12, 200)[0].FirstInterval);
    }

    [Fact]
    public void BootstrapIntervals_AreAsWideAsTheSpreadOfIndependentRepetitions()
    {
        // Twenty independent analyses at N = 512: the standard deviation of their estimates is the estimator's
        // real standard error, which a 95% percentile interval should span about ±1.96 times.
        const int repetitions = 20;
        var first = new double[3][];
        var total = new double[3][];
        var firstWidth = new double[3];
        var totalWidth = new double[3];
        for (int i = 0; i < 3; i++) (first[i], total[i]) = (new double[repetitions], new double[repetitions]);
        for (int k = 0; k < repetitions; k++)
        {
            var design = SaltelliDesign.Create(512, 3, seed: 100 + (ulong)k);
            var indices = SobolAnalysis.Indices(design, Outputs(design), bootstrapSeed: 200 + (ulong)k, resamples: 300);
            for (int i = 0; i < 3; i++)
            {
                (first[i][k], total[i][k]) = (indices[i].First, indices[i].Total);
                firstWidth[i] += indices[i].FirstInterval.Width / repetitions;
                totalWidth[i] += indices[i].TotalInterval.Width / repetitions;
            }
        }
        // Twenty repetitions estimate a standard deviation to within about ±30% (two standard errors).
        for (int i = 0; i < 3; i++)
        {
            Assert.InRange(firstWidth[i] / (2 * 1.96 * first[i].StandardDeviation()), 0.6, 1.6);
            Assert.InRange(totalWidth[i] / (2 * 1.96 * total[i].StandardDeviation()), 0.6, 1.6);
        }
    }

    [Fact]
    public void ConstantOutput_HasNoVarianceToApportion()
    {
        var design = SaltelliDesign.Create(8, 2, seed: 1);
        var indices = SobolAnalysis.Indices(design, Enumerable.Repeat(3.0, design.Points.Count).ToArray(), 1, 20);
        Assert.All(indices, s => Assert.True(double.IsNaN(s.First) && double.IsNaN(s.Total)));
    }

    [Fact]
    public void OutputsNotMatchingTheDesign_AreRejected()
    {
        var design = SaltelliDesign.Create(8, 2, seed: 1);
        Assert.Throws<ArgumentException>(() => SobolAnalysis.Indices(design, new double[design.Points.Count - 1], 1));
    }
}
