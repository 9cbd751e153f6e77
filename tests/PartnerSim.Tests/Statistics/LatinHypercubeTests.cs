using MathNet.Numerics.Statistics;
using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Tests.Statistics;

/// <summary>Latin hypercube designs: one point per stratum of every factor, random inside, and reproducible from the seed.</summary>
public class LatinHypercubeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(7, 8)]
    [InlineData(100, 5)]
    [InlineData(1000, 3)]
    [InlineData(4096, 2)]
    public void EveryStratumOfEveryFactor_HoldsExactlyOnePoint(int n, int d)
    {
        var points = LatinHypercube.UnitPoints(n, d, seed: 42);
        Assert.Equal(n, points.Length);
        for (int j = 0; j < d; j++)
        {
            var hits = new int[n];
            foreach (var p in points)
            {
                Assert.Equal(d, p.Length);
                Assert.InRange(p[j], 0.0, Math.BitDecrement(1.0));
                hits[(int)Math.Floor(p[j] * n)]++;
            }
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void SameSeed_SameDesign_OtherSeed_OtherDesign()
        => DesignReproducibility.Check(seed => LatinHypercube.UnitPoints(50, 4, seed), seed: 7);

    [Fact]
    public void PositionsInsideStrata_AreUniform_AndFactorsAreUnrelated()
    {
        const int n = 1000, d = 8;
        var points = LatinHypercube.UnitPoints(n, d, seed: 2024);
        var offsets = points.SelectMany(p => p.Select(u => u * n - Math.Floor(u * n))).ToArray();
        // Uniform on [0, 1): mean 1/2, variance 1/12; over 8000 offsets the standard errors are 0.003 and 0.001.
        Assert.InRange(offsets.Mean(), 0.49, 0.51);
        Assert.InRange(offsets.Variance(), 1 / 12.0 - 0.005, 1 / 12.0 + 0.005);
        // Independent permutations: correlation of two columns has standard error 1/√n ≈ 0.03.
        for (int j = 1; j < d; j++)
            Assert.InRange(Correlation.Pearson(points.Select(p => p[0]), points.Select(p => p[j])), -0.12, 0.12);
    }

    [Fact]
    public void PlacesAtAStratumsUpperEdge_StayInsideTheStratum()
    {
        double justBelowOne = Math.BitDecrement(1.0);
        foreach (int n in new[] { 1, 3, 10, 49, 1000, 98_765 })
            for (int k = 0; k < n; k += Math.Max(1, n / 500))
                foreach (double w in new[] { 0.0, 0.5, justBelowOne })
                {
                    double u = Stratum.Place(k, n, w);
                    Assert.Equal(k, (int)Math.Floor(u * n));
                    Assert.Equal(k, Stratum.Of(u, n));
                    Assert.True(u < 1);
                }
    }
}
