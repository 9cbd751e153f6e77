using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Tests.Statistics;

/// <summary>How many replicates give a 95% interval within 5% of the mean, from a pilot sample.</summary>
public class ReplicateAdvisorTests
{
    [Fact]
    public void SmallPilot_MatchesAHandComputation()
    {
        // Pilot {10, 12, 9, 11, 13}: mean 11, s² = 10/4 = 2.5, target half-width 0.05 · 11 = 0.55, (s/0.55)² = 8.26446.
        // n = 34: t(0.975, 33) = 2.034515, t² · 8.26446 = 34.209 > 34, not enough.
        // n = 35: t(0.975, 34) = 2.032245, t² · 8.26446 = 34.132 ≤ 35, enough. (The normal z alone would say 32.)
        Assert.Equal(35, ReplicateAdvisor.Replicates([10, 12, 9, 11, 13]));
    }

    [Fact]
    public void LooserTarget_NeedsFewerReplicates()
    {
        // Same pilot, within 20%: (s/2.2)² = 0.516529. n = 4: t(0.975, 3) = 3.182446, t² · 0.5165 = 5.231 > 4;
        // n = 5: t(0.975, 4) = 2.776445, t² · 0.5165 = 3.982 ≤ 5.
        Assert.Equal(5, ReplicateAdvisor.Replicates([10, 12, 9, 11, 13], relativeHalfWidth: 0.2));
    }

    [Fact]
    public void AdvisedCount_IsTheFirstWhoseIntervalIsNarrowEnough()
    {
        double[] pilot = [3.1, 2.4, 4.0, 3.3, 2.9, 3.8, 2.2, 3.5];
        int n = ReplicateAdvisor.Replicates(pilot)!.Value;
        double mean = pilot.Average(), s = MathNet.Numerics.Statistics.Statistics.StandardDeviation(pilot);
        double HalfWidth(int count) => MeanInterval.CriticalT(count, 0.95) * s / Math.Sqrt(count);
        Assert.True(HalfWidth(n) <= 0.05 * mean);
        Assert.True(HalfWidth(n - 1) > 0.05 * mean);
    }

    [Fact]
    public void ConstantPilot_NeedsTheMinimum_AndAVaryingZeroMeanNeverConverges()
    {
        Assert.Equal(2, ReplicateAdvisor.Replicates([4, 4, 4]));
        Assert.Null(ReplicateAdvisor.Replicates([-1, 1, -2, 2]));
    }
}
