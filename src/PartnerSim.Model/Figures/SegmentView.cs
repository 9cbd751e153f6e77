using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Figures;

/// <summary>A reported segment: a union of cells with a name (dotted for nesting in JSON: <c>tiers.select</c>).</summary>
public sealed record SegmentView(string Name, string Description, Func<SegmentCell, bool> Member)
{
    /// <summary>
    /// The segments summary.json and the quarter table report by name: the fat middle, its unmanaged part, and each
    /// legacy tier.
    /// </summary>
    public static IReadOnlyList<SegmentView> Named(Func<LegacyTier, bool> isFatMiddle) =>
    [
        new("fatMiddle", "the middle layers of the legacy pyramid (by default Select and Premier)", s => isFatMiddle(s.Tier)),
        new("unmanagedFatMiddle", "the fat middle without a distributor programme: the ones who \"didn't get the memo\"",
            s => isFatMiddle(s.Tier) && s.ManagedBy == ManagedBy.None),
        .. Enum.GetValues<LegacyTier>().Select(t => new SegmentView($"tiers.{Names.Camel(t.ToString())}", $"legacy tier {t}", s => s.Tier == t)),
    ];
}

/// <summary>
/// A row of the segment table: a value of each dimension, or all of them (null). The finest rows are cells; the
/// others are margins, down to the whole population.
/// </summary>
public sealed record SegmentMargin(LegacyTier? Tier, PartnerSize? Size, ManagedBy? ManagedBy, Archetype? Archetype)
{
    public const string All = "all";

    public bool Member(SegmentCell s) =>
        (Tier is null || s.Tier == Tier) && (Size is null || s.Size == Size)
        && (ManagedBy is null || s.ManagedBy == ManagedBy) && (Archetype is null || s.Archetype == Archetype);

    public string TierName => Tier?.ToString() ?? All;
    public string SizeName => Size?.ToString() ?? All;
    public string ManagedByName => ManagedBy?.ToString() ?? All;
    public string ArchetypeName => Archetype?.ToString() ?? All;

    /// <summary>Every combination of a value or "all" of each dimension, the whole population first.</summary>
    public static IEnumerable<SegmentMargin> Every() =>
        from t in Values<LegacyTier>()
        from z in Values<PartnerSize>()
        from m in Values<ManagedBy>()
        from a in Values<Archetype>()
        select new SegmentMargin(t, z, m, a);

    private static IEnumerable<T?> Values<T>() where T : struct, Enum => [null, .. Enum.GetValues<T>().Select(v => (T?)v)];
}
