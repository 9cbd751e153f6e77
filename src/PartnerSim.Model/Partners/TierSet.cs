namespace PartnerSim.Model.Partners;

/// <summary>A set of legacy tiers as a bit mask: a membership test costs a shift, where a list would cost a search.</summary>
public readonly record struct TierSet(byte Mask)
{
    /// <summary>The rule book's fat middle: Select and Premier, the middle layers of the legacy pyramid.</summary>
    public static TierSet DefaultFatMiddle { get; } = Of([LegacyTier.Select, LegacyTier.Premier]);

    public static TierSet Of(IEnumerable<LegacyTier> tiers)
    {
        int mask = 0;
        foreach (var t in tiers) mask |= 1 << (int)t;
        return new TierSet((byte)mask);
    }

    public bool Contains(LegacyTier tier) => (Mask & (1 << (int)tier)) != 0;

    /// <summary>The tiers in the set, from the bottom of the pyramid up.</summary>
    public IEnumerable<LegacyTier> Tiers => Enum.GetValues<LegacyTier>().Where(Contains);
}
