using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Tests.Statistics;

/// <summary>Replicate seeds derived from a master seed: distinct, reproducible one by one, and different per master.</summary>
public class ReplicateSeedsTests
{
    [Fact]
    public void TenThousandReplicates_HaveDistinctSeeds()
    {
        var seeds = ReplicateSeeds.First(20_240_601, 10_000);
        Assert.Equal(10_000, seeds.Distinct().Count());
        Assert.DoesNotContain(20_240_601UL, seeds);
    }

    [Fact]
    public void EachSeed_IsReproducibleFromMasterAndIndexAlone()
    {
        var seeds = ReplicateSeeds.First(99, 1000);
        Assert.Equal(seeds, ReplicateSeeds.First(99, 1000));
        foreach (int k in new[] { 0, 1, 2, 500, 999 }) Assert.Equal(seeds[k], ReplicateSeeds.Of(99, k));
        Assert.Equal(seeds[..10], ReplicateSeeds.First(99, 10));
    }

    [Fact]
    public void OtherMasters_GiveOtherSeeds()
    {
        var one = ReplicateSeeds.First(1, 1000);
        var two = ReplicateSeeds.First(2, 1000);
        Assert.Empty(one.Intersect(two));
    }

    [Fact]
    public void Seeds_UseAllTheirBits()
    {
        // Each of the 64 bits should be set in about half of the seeds (10,000 seeds: 5000 ± 200 at four sigma).
        var seeds = ReplicateSeeds.First(7, 10_000);
        for (int bit = 0; bit < 64; bit++)
            Assert.InRange(seeds.Count(s => (s >> bit & 1) == 1), 4800, 5200);
    }
}
