using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Plots;

/// <summary>A quarter's <c>migration</c> figures as a table: legacy tiers (lowest first) by effective band (lowest first).</summary>
public sealed class MigrationTable
{
    private readonly long[,] _counts;

    public IReadOnlyList<string> Tiers { get; }
    public IReadOnlyList<string> Bands { get; }

    private MigrationTable(IReadOnlyList<string> tiers, IReadOnlyList<string> bands, long[,] counts) =>
        (Tiers, Bands, _counts) = (tiers, bands, counts);

    public long Count(int tier, int band) => _counts[tier, band];

    public long TierTotal(int tier) => Enumerable.Range(0, Bands.Count).Sum(b => _counts[tier, b]);

    public double Share(int tier, int band) => TierTotal(tier) is > 0 and var total ? (double)_counts[tier, band] / total : 0;

    public static MigrationTable Of(QuarterRecord q)
    {
        var tiers = q.Children("migration");
        var bands = tiers.Count == 0 ? [] : q.Children($"migration.{tiers[0]}");
        var counts = new long[tiers.Count, bands.Count];
        for (int t = 0; t < tiers.Count; t++)
            for (int b = 0; b < bands.Count; b++)
                counts[t, b] = (long)(q[$"migration.{tiers[t]}.{bands[b]}"] ?? 0);
        return new MigrationTable(tiers, bands, counts);
    }
}
