using PartnerSim.Analytics.Statistics;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Statistics;

/// <summary>Lorenz curves and Gini coefficients: hand-computed cases, the direct formula, and the bucketed form.</summary>
public class LorenzCurveTests
{
    /// <summary>The population Gini straight from its definition: Σᵢ Σⱼ |xᵢ − xⱼ| / (2n²·mean).</summary>
    private static double DirectGini(double[] x)
    {
        double differences = 0;
        foreach (double a in x)
            foreach (double b in x)
                differences += Math.Abs(a - b);
        return differences / (2.0 * x.Length * x.Length * x.Average());
    }

    [Theory]
    [InlineData(new[] { 1.0, 1, 1, 1 }, 0.0)]
    [InlineData(new[] { 0.0, 0, 0, 1 }, 0.75)] // one holder of four: (n − 1)/n
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.25)] // Σ|xᵢ − xⱼ| = 20 over 2·16·2.5
    [InlineData(new[] { 4.0, 1, 3, 2 }, 0.25)] // order does not matter
    [InlineData(new[] { 0.0, 10 }, 0.5)]
    [InlineData(new[] { 7.0 }, 0.0)]
    public void Gini_MatchesHandComputation(double[] values, double gini)
    {
        Assert.Equal(gini, LorenzCurve.Of(values).Gini, 12);
        Assert.Equal(gini, DirectGini(values), 12);
    }

    [Fact]
    public void Curve_PassesThroughCumulativeShares()
    {
        // {1, 2, 3, 4}: cumulative 1, 3, 6, 10 of 10.
        var points = LorenzCurve.Of([3, 1, 4, 2]).Points;
        Assert.Equal(5, points.Count);
        double[] population = [0, 0.25, 0.5, 0.75, 1], value = [0, 0.1, 0.3, 0.6, 1];
        for (int k = 0; k < 5; k++)
        {
            Assert.Equal(population[k], points[k].PopulationShare, 12);
            Assert.Equal(value[k], points[k].ValueShare, 12);
        }
    }

    [Fact]
    public void Gini_AgreesWithTheDirectFormula_OnRandomHoldings()
    {
        var rng = new CounterRandom(5).At(0, 0, RandomStream.Bootstrap);
        for (int trial = 0; trial < 20; trial++)
        {
            var values = Enumerable.Range(0, 1 + trial * 7).Select(_ => Math.Exp(2 * rng.StandardNormal())).ToArray();
            Assert.Equal(DirectGini(values), LorenzCurve.Of(values).Gini, 10);
        }
    }

    [Fact]
    public void Buckets_OfEqualValues_GiveTheExactCurve()
    {
        // {1, 1, 2, 2, 2, 5}: Σ|xᵢ − xⱼ| over ordered pairs = 2·(2·3·1 + 2·1·4 + 3·1·3) = 46, mean 13/6,
        // Gini = 46 / (2·36·13/6) = 46/156.
        double[] values = [1, 1, 2, 2, 2, 5];
        var exact = LorenzCurve.Of(values);
        var bucketed = LorenzCurve.OfBuckets([new(2, 2), new(3, 6), new(1, 5)]);
        Assert.Equal(46 / 156.0, exact.Gini, 12);
        Assert.Equal(46 / 156.0, bucketed.Gini, 12);
        // The bucket boundaries are points of the exact curve: after 2, 5 and 6 holders.
        Assert.Equal([exact.Points[0], exact.Points[2], exact.Points[5], exact.Points[6]], bucketed.Points);
    }

    [Fact]
    public void Buckets_OfUnequalValues_UnderstateTheGini()
    {
        // {1, 3} in one bucket looks equal (Gini 0); exactly, Σ|xᵢ − xⱼ| = 4 over 2·4·2 = 0.25.
        Assert.Equal(0.0, LorenzCurve.OfBuckets([new(2, 4)]).Gini, 12);
        Assert.Equal(0.25, LorenzCurve.Of([1, 3]).Gini, 12);
    }

    [Fact]
    public void EmptyBuckets_AreSkipped_AndNobodyHoldingAnything_IsEquality()
    {
        Assert.Equal(LorenzCurve.OfBuckets([new(2, 2), new(3, 6)]).Points,
            LorenzCurve.OfBuckets([new(0, 0), new(2, 2), new(0, 0), new(3, 6)]).Points);
        Assert.Equal(0.0, LorenzCurve.Of([0, 0, 0]).Gini, 12);
    }

    [Fact]
    public void BadHoldings_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => LorenzCurve.Of([1, -1]));
        Assert.Throws<ArgumentException>(() => LorenzCurve.Of([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => LorenzCurve.Of([]));
        Assert.Throws<ArgumentException>(() => LorenzCurve.OfBuckets([new(1, 5), new(1, 2)])); // descending
        Assert.Throws<ArgumentException>(() => LorenzCurve.OfBuckets([new(0, 5)]));
        Assert.Throws<ArgumentException>(() => LorenzCurve.OfBuckets([new(-1, 0)]));
    }
}
