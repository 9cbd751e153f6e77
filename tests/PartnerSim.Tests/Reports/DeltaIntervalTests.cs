using MathNet.Numerics.Distributions;
using PartnerSim.Analytics.Compare;

namespace PartnerSim.Tests.Reports;

/// <summary>The deltas of replicate sets: paired by seed (Student t of the differences) or unpaired (Welch).</summary>
public sealed class DeltaIntervalTests
{
    [Fact]
    public void PairedIntervalIsTheStudentIntervalOfTheDifferences()
    {
        // d = (2, 5, 1): mean 8/3, s = √(13/3), t(0.975, 2) = 4.3027 (table), half-width 4.3027·s/√3.
        var delta = DeltaInterval.Of("x", [10, 20, 30], [12, 25, 31], paired: true);

        double half = 4.3027 * Math.Sqrt(13.0 / 3) / Math.Sqrt(3);
        Assert.Equal(8.0 / 3, delta.Delta!.Value, 12);
        Assert.Equal(8.0 / 3 - half, delta.Low!.Value, 1e-3);
        Assert.Equal(8.0 / 3 + half, delta.High!.Value, 1e-3);
        Assert.Equal(20.0, delta.A!.Value, 12);
        Assert.Equal(68.0 / 3, delta.B!.Value, 12);
    }

    [Fact]
    public void UnpairedIntervalIsWelchs()
    {
        // a: mean 2.5, s² = 5/3; b: mean 5, s² = 20/3 (n = 4 each). se² = (5/3 + 20/3)/4 = 25/12;
        // Welch–Satterthwaite: ν = se⁴ / ((5/12)²/3 + (5/3)²/3) = (625/144) / (425/432) = 75/17.
        var delta = DeltaInterval.Of("x", [1, 2, 3, 4], [2, 4, 6, 8], paired: false);

        double nu = 75.0 / 17, half = StudentT.InvCDF(0, 1, nu, 0.975) * Math.Sqrt(25.0 / 12);
        Assert.Equal(2.5, delta.Delta!.Value, 12);
        Assert.Equal(2.5 - half, delta.Low!.Value, 9);
        Assert.Equal(2.5 + half, delta.High!.Value, 9);
        // Between the table's t for 4 and 5 degrees of freedom (2.776, 2.571).
        Assert.InRange(half / Math.Sqrt(25.0 / 12), 2.571, 2.776);
    }

    [Fact]
    public void OneRunASideHasADeltaButNoInterval()
    {
        var delta = DeltaInterval.Of("x", [2603214462.99], [2601782410.96], paired: true);

        Assert.Equal(-1432052.03, delta.Delta!.Value);
        Assert.Null(delta.Low);
        Assert.Null(delta.High);
    }

    [Fact]
    public void UndefinedOnBothSidesIsNoDifference()
    {
        var delta = DeltaInterval.Of("x", [null], [null], paired: true);

        Assert.Null(delta.Delta);
        Assert.True(delta.IsZero);
        Assert.False(DeltaInterval.Of("x", [null], [1], paired: true).IsZero);
    }
}
