namespace PartnerSim.Model.Engine;

/// <summary>Money and counts of one segment of the population (a legacy tier, the fat middle, …) in one quarter.</summary>
public sealed class SegmentStats
{
    /// <summary>Partners active when the quarter began.</summary>
    public long Partners;
    /// <summary>Partners that lost CPI eligibility (legacy would pay, CPI earned 0).</summary>
    public long Losing;
    /// <summary>Partners whose CPI earned exceeds their legacy counterfactual (from launch).</summary>
    public long Winners;
    public long CpiEarnedCents, LegacyEarnedCents, ShortfallCents;
    /// <summary>Shortfall of the partners that lost eligibility: the "where's the rebate?" amounts.</summary>
    public QuantileSketch LosingShortfall { get; private set; } = new();

    public void Add(in PartnerOutcome o)
    {
        if (!o.WasActive) return;
        Partners++;
        CpiEarnedCents += o.CpiEarnedCents;
        LegacyEarnedCents += o.LegacyEarnedCents;
        ShortfallCents += o.ShortfallCents;
        if (o.ShortfallCents < 0) Winners++;
        if (o.Losing) { Losing++; LosingShortfall.Add(o.ShortfallCents); }
    }

    public void Merge(SegmentStats other)
    {
        Partners += other.Partners; Losing += other.Losing; Winners += other.Winners;
        CpiEarnedCents += other.CpiEarnedCents; LegacyEarnedCents += other.LegacyEarnedCents;
        ShortfallCents += other.ShortfallCents;
        LosingShortfall.Merge(other.LosingShortfall);
    }

    public void WriteTo(BinaryWriter w)
    {
        w.Write(Partners); w.Write(Losing); w.Write(Winners);
        w.Write(CpiEarnedCents); w.Write(LegacyEarnedCents); w.Write(ShortfallCents);
        LosingShortfall.WriteTo(w);
    }

    public static SegmentStats ReadFrom(BinaryReader r) => new()
    {
        Partners = r.ReadInt64(), Losing = r.ReadInt64(), Winners = r.ReadInt64(),
        CpiEarnedCents = r.ReadInt64(), LegacyEarnedCents = r.ReadInt64(), ShortfallCents = r.ReadInt64(),
        LosingShortfall = QuantileSketch.ReadFrom(r),
    };
}
