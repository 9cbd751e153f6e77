using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Engine;

/// <summary>
/// The reduction of every partner's <see cref="PartnerOutcome"/> in one quarter. Integer sums and sketch
/// counts only, so the result is identical whichever way the tree of cohorts groups the partners.
/// </summary>
public sealed class QuarterStats
{
    public const int PviBuckets = 101; // main-portfolio PVI in 0.1 steps, 0.0 … 10.0

    public int Quarter;
    public long Scored, Active, Left, Aware, MissedPayments, Losing, Deals;
    public long[] Bands = new long[4];
    public long[] RawBands = new long[4];
    public long CpiEarnedCents, LegacyEarnedCents, CpiPaidCents, LegacyPaidCents, DiscountCents, ShortfallCents, BookingsCents;
    public long[] PviHistogram = new long[PviBuckets];
    public SegmentStats[] Tiers = [new(), new(), new(), new()];
    public SegmentStats FatMiddle = new();
    public SegmentStats UnmanagedFatMiddle = new();

    public QuarterStats() { }
    public QuarterStats(int quarter) => Quarter = quarter;

    public void Add(in PartnerOutcome o)
    {
        if (o.Active) Active++;
        if (o.Left) Left++;
        if (o.MissedPayment) MissedPayments++;
        CpiPaidCents += o.CpiPaidCents;
        LegacyPaidCents += o.LegacyPaidCents;
        if (!o.WasActive) return;

        Scored++;
        if (o.Aware) Aware++;
        if (o.Losing) Losing++;
        Deals += o.Deals;
        Bands[(int)o.MainBand]++;
        RawBands[(int)o.MainRawBand]++;
        PviHistogram[Math.Clamp(o.MainPvi100 / 10, 0, PviBuckets - 1)]++;
        CpiEarnedCents += o.CpiEarnedCents;
        LegacyEarnedCents += o.LegacyEarnedCents;
        DiscountCents += o.DiscountCents;
        ShortfallCents += o.ShortfallCents;
        BookingsCents += o.BookingsCents;
        Tiers[(int)o.Tier].Add(o);
        if (Metrics.IsFatMiddle(o.Tier))
        {
            FatMiddle.Add(o);
            if (o.ManagedBy == ManagedBy.None) UnmanagedFatMiddle.Add(o);
        }
    }

    public void Merge(QuarterStats other)
    {
        Scored += other.Scored; Active += other.Active; Left += other.Left; Aware += other.Aware;
        MissedPayments += other.MissedPayments; Losing += other.Losing; Deals += other.Deals;
        for (int i = 0; i < 4; i++) { Bands[i] += other.Bands[i]; RawBands[i] += other.RawBands[i]; }
        CpiEarnedCents += other.CpiEarnedCents; LegacyEarnedCents += other.LegacyEarnedCents;
        CpiPaidCents += other.CpiPaidCents; LegacyPaidCents += other.LegacyPaidCents;
        DiscountCents += other.DiscountCents; ShortfallCents += other.ShortfallCents; BookingsCents += other.BookingsCents;
        for (int i = 0; i < PviBuckets; i++) PviHistogram[i] += other.PviHistogram[i];
        for (int i = 0; i < Tiers.Length; i++) Tiers[i].Merge(other.Tiers[i]);
        FatMiddle.Merge(other.FatMiddle);
        UnmanagedFatMiddle.Merge(other.UnmanagedFatMiddle);
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(Quarter);
            foreach (var v in new[] { Scored, Active, Left, Aware, MissedPayments, Losing, Deals,
                         CpiEarnedCents, LegacyEarnedCents, CpiPaidCents, LegacyPaidCents, DiscountCents, ShortfallCents, BookingsCents })
                w.Write(v);
            foreach (var v in Bands) w.Write(v);
            foreach (var v in RawBands) w.Write(v);
            foreach (var v in PviHistogram) w.Write(v);
            foreach (var t in Tiers) t.WriteTo(w);
            FatMiddle.WriteTo(w);
            UnmanagedFatMiddle.WriteTo(w);
        }
        return ms.ToArray();
    }

    public static QuarterStats FromBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var s = new QuarterStats(r.ReadInt32())
        {
            Scored = r.ReadInt64(), Active = r.ReadInt64(), Left = r.ReadInt64(), Aware = r.ReadInt64(),
            MissedPayments = r.ReadInt64(), Losing = r.ReadInt64(), Deals = r.ReadInt64(),
            CpiEarnedCents = r.ReadInt64(), LegacyEarnedCents = r.ReadInt64(), CpiPaidCents = r.ReadInt64(),
            LegacyPaidCents = r.ReadInt64(), DiscountCents = r.ReadInt64(), ShortfallCents = r.ReadInt64(),
            BookingsCents = r.ReadInt64(),
        };
        for (int i = 0; i < 4; i++) s.Bands[i] = r.ReadInt64();
        for (int i = 0; i < 4; i++) s.RawBands[i] = r.ReadInt64();
        for (int i = 0; i < PviBuckets; i++) s.PviHistogram[i] = r.ReadInt64();
        for (int i = 0; i < 4; i++) s.Tiers[i] = SegmentStats.ReadFrom(r);
        s.FatMiddle = SegmentStats.ReadFrom(r);
        s.UnmanagedFatMiddle = SegmentStats.ReadFrom(r);
        return s;
    }
}
