using PartnerSim.Analytics.Statistics;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Statistics;

/// <summary>The mean of replicates with its Student-t 95% interval: hand-computed cases and coverage.</summary>
public class MeanIntervalTests
{
    [Fact]
    public void FiveValues_MatchAHandComputation()
    {
        // {1, 2, 3, 4, 5}: mean 3, s = √2.5 = 1.5811388, t(0.975, 4) = 2.776445 (t table),
        // half-width = 2.776445 · 1.5811388 / √5 = 1.963243.
        var interval = MeanInterval.Of([1, 2, 3, 4, 5]);
        Assert.Equal(3.0, interval.Mean, 12);
        Assert.Equal(1.5811388, interval.StandardDeviation, 6);
        Assert.Equal(1.963243, interval.HalfWidth, 5);
        Assert.Equal(3 - 1.963243, interval.Lower, 5);
        Assert.Equal(5, interval.Count);
    }

    [Fact]
    public void TwoValues_UseTheWideTOfOneDegreeOfFreedom()
    {
        // {2, 4}: s = √2, s/√2 = 1, so the half-width is t(0.975, 1) = 12.7062 itself (t table).
        var interval = MeanInterval.Of([2, 4]);
        Assert.Equal(3.0, interval.Mean, 12);
        Assert.Equal(12.7062, interval.HalfWidth, 4);
    }

    [Fact]
    public void NinetyFivePercentIntervals_CoverTheTrueMean_NinetyFivePercentOfTheTime()
    {
        // 2000 trials of 10 draws from N(5, 2²). Coverage has standard error 0.005, so [0.93, 0.97] is four of them
        // either way; the normal z in place of t would cover only about 91.8% at n = 10 and fail here.
        const int trials = 2000, n = 10;
        const double mu = 5, sigma = 2;
        var rng = new CounterRandom(31_415);
        int covered = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            rng.At(trial, 0, RandomStream.Bootstrap);
            var draws = new double[n];
            for (int i = 0; i < n; i++) draws[i] = mu + sigma * rng.StandardNormal();
            if (MeanInterval.Of(draws).Interval.Contains(mu)) covered++;
        }
        Assert.InRange(covered / (double)trials, 0.93, 0.97);
    }

    [Fact]
    public void FewerThanTwoValues_AreRejected() =>
        Assert.Throws<ArgumentException>(() => MeanInterval.Of([1.0]));
}
