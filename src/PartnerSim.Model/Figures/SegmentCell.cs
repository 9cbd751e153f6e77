using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Figures;

/// <summary>
/// The finest segment a partner-quarter is counted in: legacy tier × size × distributor programme × archetype,
/// packed two bits each into one byte, which is also the index of its cell in <see cref="QuarterStats"/>. Every
/// coarser segment (a tier, the fat middle, a margin) is a union of cells, merged when it is reported.
/// </summary>
public readonly record struct SegmentCell(byte Cell)
{
    public const int Cells = 256;

    public SegmentCell(LegacyTier tier, PartnerSize size, ManagedBy managedBy, Archetype archetype)
        : this((byte)((int)tier << 6 | (int)size << 4 | (int)managedBy << 2 | (int)archetype)) { }

    public LegacyTier Tier => (LegacyTier)(Cell >> 6);
    public PartnerSize Size => (PartnerSize)(Cell >> 4 & 3);
    public ManagedBy ManagedBy => (ManagedBy)(Cell >> 2 & 3);
    public Archetype Archetype => (Archetype)(Cell & 3);

    /// <summary>Whether the cell stands for a real combination (distributor programmes use three of four values).</summary>
    public bool Exists => (int)ManagedBy < Enum.GetValues<ManagedBy>().Length;

    public static IEnumerable<SegmentCell> All => Enumerable.Range(0, Cells).Select(c => new SegmentCell((byte)c)).Where(s => s.Exists);
}
