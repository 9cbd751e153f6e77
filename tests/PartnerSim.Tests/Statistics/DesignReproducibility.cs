namespace PartnerSim.Tests.Statistics;

/// <summary>What every seeded design promises: the same seed gives the same points bit for bit, another seed others.</summary>
internal static class DesignReproducibility
{
    public static void Check(Func<ulong, IReadOnlyList<double[]>> design, ulong seed)
    {
        var (one, again, other) = (design(seed), design(seed), design(seed + 1));
        Assert.Equal(one.Count, again.Count);
        for (int k = 0; k < one.Count; k++) Assert.Equal(one[k], again[k]);
        Assert.Contains(Enumerable.Range(0, one.Count), k => !one[k].SequenceEqual(other[k]));
    }
}
