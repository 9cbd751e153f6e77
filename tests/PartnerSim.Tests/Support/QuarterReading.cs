using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;

namespace PartnerSim.Tests.Support;

/// <summary>The segments tests read most, through the same registry every output uses.</summary>
internal static class QuarterReading
{
    private static readonly IReadOnlyList<SegmentView> Named = SegmentView.Named(TierSet.DefaultFatMiddle.Contains);

    public static SegmentTotals FatMiddle(this QuarterStats q) => q.View(Named.Single(v => v.Name == "fatMiddle"));
    public static SegmentTotals UnmanagedFatMiddle(this QuarterStats q) => q.View(Named.Single(v => v.Name == "unmanagedFatMiddle"));
    public static SegmentTotals Tier(this QuarterStats q, LegacyTier tier) => q.Segment(s => s.Tier == tier);
}
