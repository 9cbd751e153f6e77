namespace PartnerSim.Analytics.Runs;

/// <summary>A row of the segment table: a quarter and a segment, "all" standing for a whole dimension.</summary>
public readonly record struct SegmentKey(string Quarter, string LegacyTier, string Size, string ManagedBy, string Archetype)
{
    public const string All = "all";

    public override string ToString() =>
        string.Join(" × ", new[] { LegacyTier, Size, ManagedBy, Archetype }.Where(s => s != All)) is { Length: > 0 } s ? s : "everyone";
}
