using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Tests.Statistics;

/// <summary>Unit coordinates mapped to factor values: uniform and log-uniform ranges, and discrete levels at floor(u·k).</summary>
public class FactorSpaceTests
{
    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(0.25, 3.0)]
    [InlineData(0.5, 4.0)]
    [InlineData(1.0, 6.0)]
    public void UniformRange_IsLinearInU(double u, double expected) =>
        Assert.Equal(expected, Factor.Range("x", 2, 6).ValueAt(u), 12);

    [Theory]
    [InlineData(0.0, 0.01)]
    [InlineData(0.5, 0.1)] // the geometric mean of the ends
    [InlineData(0.25, 0.031622776601683794)] // 10^−1.5
    [InlineData(1.0, 1.0)]
    public void LogUniformRange_IsLinearInLogValue(double u, double expected) =>
        Assert.Equal(expected, Factor.Range("rate", 0.01, 1, FactorScale.LogUniform).ValueAt(u), 12);

    [Theory]
    [InlineData(0.0, 0, 10.0)]
    [InlineData(0.33, 0, 10.0)]
    [InlineData(0.34, 1, 20.0)]
    [InlineData(0.66, 1, 20.0)]
    [InlineData(0.67, 2, 30.0)]
    [InlineData(0.999, 2, 30.0)]
    [InlineData(1.0, 2, 30.0)] // Morris grids reach the upper face
    public void DiscreteLevels_AreChosenByFloorOfUTimesK(double u, int level, double value)
    {
        var factor = Factor.Discrete("tier", 10, 20, 30);
        Assert.Equal(level, factor.LevelAt(u));
        Assert.Equal(value, factor.ValueAt(u));
    }

    [Fact]
    public void DiscreteLevels_AreEquallyLikelyUnderUniformU()
    {
        var factor = Factor.Discrete("k", 1, 2, 3, 4, 5, 6, 7);
        var counts = new int[7];
        const int n = 7000;
        for (int i = 0; i < n; i++) counts[factor.LevelAt((i + 0.5) / n)]++;
        Assert.All(counts, c => Assert.Equal(1000, c));
    }

    [Fact]
    public void Space_MapsEachCoordinateThroughItsOwnFactor()
    {
        var space = new FactorSpace(Factor.Range("a", 0, 10), Factor.Range("b", 1, 100, FactorScale.LogUniform), Factor.Discrete("c", 5, 6));
        Assert.Equal(3, space.Dimension);
        Assert.Equal(1, space.IndexOf("b"));
        Assert.Equal(-1, space.IndexOf("z"));
        var values = space.ValuesAt([0.5, 0.5, 0.5]);
        Assert.Equal(5.0, values[0], 12);
        Assert.Equal(10.0, values[1], 12);
        Assert.Equal(6.0, values[2]);
    }

    [Fact]
    public void BadFactors_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => Factor.Range("x", 1, 1));
        Assert.Throws<ArgumentException>(() => Factor.Range("x", 2, 1));
        Assert.Throws<ArgumentException>(() => Factor.Range("x", 0, 1, FactorScale.LogUniform));
        Assert.Throws<ArgumentException>(() => Factor.Range("x", 0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => Factor.Discrete("x"));
        Assert.Throws<ArgumentException>(() => Factor.Range("", 0, 1));
        Assert.Throws<ArgumentException>(() => new FactorSpace(Factor.Range("x", 0, 1), Factor.Discrete("x", 1)));
        Assert.Throws<ArgumentException>(() => new FactorSpace().ValuesAt([0.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Factor.Range("x", 0, 1).ValueAt(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Factor.Range("x", 0, 1).ValueAt(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Factor.Discrete("x", 1, 2).ValueAt(double.NaN));
        Assert.Throws<InvalidOperationException>(() => Factor.Range("x", 0, 1).LevelAt(0.5));
        Assert.Throws<ArgumentException>(() => new FactorSpace(Factor.Range("x", 0, 1)).ValuesAt([0.1, 0.2]));
    }
}
