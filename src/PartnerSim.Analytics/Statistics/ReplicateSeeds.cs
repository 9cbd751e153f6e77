using PartnerSim.Model.Random;

namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// Run seeds for the replicates of an experiment, all derived from one master seed: replicate k's seed is the
/// first 64 bits of the Philox block at (master, partner k, stream <see cref="RandomStream.ReplicateSeed"/>).
/// Any replicate can be rerun alone from (master, k), and replicates' seeds look unrelated to one another
/// and to the master, so their runs are independent. Philox is a bijection of its counter, so seeds collide only
/// where the 64-bit halves of distinct blocks happen to match (a chance of about 3·10⁻¹² among 10⁴ replicates).
/// </summary>
public static class ReplicateSeeds
{
    public static ulong Of(ulong masterSeed, long replicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        return SeedAt(new CounterRandom(masterSeed), replicate);
    }

    /// <summary>The seeds of replicates 0 … count − 1.</summary>
    public static ulong[] First(ulong masterSeed, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new CounterRandom(masterSeed);
        var seeds = new ulong[count];
        for (int k = 0; k < count; k++) seeds[k] = SeedAt(rng, k);
        return seeds;
    }

    private static ulong SeedAt(CounterRandom master, long replicate) => master.At(replicate, 0, RandomStream.ReplicateSeed).NextUInt64();
}
