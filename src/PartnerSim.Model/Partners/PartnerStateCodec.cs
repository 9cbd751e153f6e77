using System.Buffers.Binary;

namespace PartnerSim.Model.Partners;

/// <summary>
/// The canonical byte form of a <see cref="PartnerState"/>: little-endian, fixed field order, versioned.
/// The digest hashes exactly these bytes, and persistence stores them, so a state that round-trips through
/// storage hashes the same.
/// </summary>
public static class PartnerStateCodec
{
    private const byte Version = 1;

    /// <summary>Upper bound of the encoded size (the payment lag is at most <see cref="PartnerState.MaxPaymentLag"/>).</summary>
    public const int MaxSize = 512;

    public static byte[] ToBytes(PartnerState s)
    {
        Span<byte> buffer = stackalloc byte[MaxSize];
        int n = Write(s, buffer);
        return buffer[..n].ToArray();
    }

    public static int Write(PartnerState s, Span<byte> dst)
    {
        var w = new Writer(dst);
        w.U8(Version);
        w.I64(s.Id); w.I32(s.LastQuarter);
        w.U8((byte)s.Size); w.I32(s.Employees); w.F64(s.AnnualBookingsUsd); w.F64(s.GrowthPct);
        foreach (var b in s.QuarterBookings) w.F64(b);
        foreach (var v in s.PortfolioShare) w.F64(v);
        w.U8((byte)s.MainPortfolio);
        w.U8((byte)s.LegacyTier); w.U8((byte)s.LegacyProvider); w.U8((byte)s.Archetype); w.U8((byte)s.ManagedBy);
        w.Bool(s.Aware); w.Bool(s.LossSeen); w.Bool(s.ProviderRegistered);
        w.U8((byte)s.Cspm); w.U8((byte)s.Mspm); w.U8((byte)s.CspmPending); w.U8((byte)s.MspmPending);
        w.I32(s.CspmReadyQuarter); w.I32(s.MspmReadyQuarter);
        foreach (var h in s.BlackBeltHalfPoints) w.I32(h);
        w.I32(s.CareerCerts); w.I32(s.MerakiCerts); w.Bool(s.MerakiRegistered);
        w.F64(s.AapPct); w.F64(s.OnboardPct); w.F64(s.AdoptPct);
        w.F64(s.BuyingProgramPct); w.F64(s.AiBookingsPct); w.F64(s.PremiumServicesPct); w.F64(s.OtrrPct);
        w.I32(s.PoweredServices); w.F64(s.AcvGrowthPct); w.F64(s.TcvGrowthPct);
        foreach (var b in s.ProtectedBand) w.U8((byte)b);
        w.I32(s.LastMainPvi100); w.I32(s.BelowPartnerQuarters);
        w.U8((byte)s.OwedCpiCents.Length);
        for (int i = 0; i < s.OwedCpiCents.Length; i++) { w.I64(s.OwedCpiCents[i]); w.I64(s.OwedLegacyCents[i]); }
        w.Bool(s.MissedPayment); w.Bool(s.Active);
        return w.Position;
    }

    public static PartnerState Read(ReadOnlySpan<byte> src)
    {
        var r = new Reader(src);
        if (r.U8() != Version) throw new InvalidDataException("unknown partner state version");
        var s = new PartnerState { Id = r.I64(), LastQuarter = r.I32() };
        s.Size = (PartnerSize)r.U8(); s.Employees = r.I32(); s.AnnualBookingsUsd = r.F64(); s.GrowthPct = r.F64();
        for (int i = 0; i < s.QuarterBookings.Length; i++) s.QuarterBookings[i] = r.F64();
        for (int i = 0; i < s.PortfolioShare.Length; i++) s.PortfolioShare[i] = r.F64();
        s.MainPortfolio = (Portfolio)r.U8();
        s.LegacyTier = (LegacyTier)r.U8(); s.LegacyProvider = (LegacyProvider)r.U8();
        s.Archetype = (Archetype)r.U8(); s.ManagedBy = (ManagedBy)r.U8();
        s.Aware = r.Bool(); s.LossSeen = r.Bool(); s.ProviderRegistered = r.Bool();
        s.Cspm = (Maturity)r.U8(); s.Mspm = (Maturity)r.U8();
        s.CspmPending = (Maturity)r.U8(); s.MspmPending = (Maturity)r.U8();
        s.CspmReadyQuarter = r.I32(); s.MspmReadyQuarter = r.I32();
        for (int i = 0; i < s.BlackBeltHalfPoints.Length; i++) s.BlackBeltHalfPoints[i] = r.I32();
        s.CareerCerts = r.I32(); s.MerakiCerts = r.I32(); s.MerakiRegistered = r.Bool();
        s.AapPct = r.F64(); s.OnboardPct = r.F64(); s.AdoptPct = r.F64();
        s.BuyingProgramPct = r.F64(); s.AiBookingsPct = r.F64(); s.PremiumServicesPct = r.F64(); s.OtrrPct = r.F64();
        s.PoweredServices = r.I32(); s.AcvGrowthPct = r.F64(); s.TcvGrowthPct = r.F64();
        for (int i = 0; i < s.ProtectedBand.Length; i++) s.ProtectedBand[i] = (Band)r.U8();
        s.LastMainPvi100 = r.I32(); s.BelowPartnerQuarters = r.I32();
        int lag = r.U8();
        if (lag > PartnerState.MaxPaymentLag) throw new InvalidDataException($"payment lag {lag} is over {PartnerState.MaxPaymentLag}");
        s.PaymentLag = lag;
        for (int i = 0; i < lag; i++) { s.OwedCpiCents[i] = r.I64(); s.OwedLegacyCents[i] = r.I64(); }
        s.MissedPayment = r.Bool(); s.Active = r.Bool();
        return s;
    }

    private ref struct Writer(Span<byte> dst)
    {
        private readonly Span<byte> _dst = dst;
        public int Position;
        public void U8(byte v) => _dst[Position++] = v;
        public void Bool(bool v) => U8(v ? (byte)1 : (byte)0);
        public void I32(int v) { BinaryPrimitives.WriteInt32LittleEndian(_dst[Position..], v); Position += 4; }
        public void I64(long v) { BinaryPrimitives.WriteInt64LittleEndian(_dst[Position..], v); Position += 8; }
        public void F64(double v) { BinaryPrimitives.WriteDoubleLittleEndian(_dst[Position..], v); Position += 8; }
    }

    private ref struct Reader(ReadOnlySpan<byte> src)
    {
        private readonly ReadOnlySpan<byte> _src = src;
        private int _pos;
        public byte U8() => _src[_pos++];
        public bool Bool() => U8() != 0;
        public int I32() { var v = BinaryPrimitives.ReadInt32LittleEndian(_src[_pos..]); _pos += 4; return v; }
        public long I64() { var v = BinaryPrimitives.ReadInt64LittleEndian(_src[_pos..]); _pos += 8; return v; }
        public double F64() { var v = BinaryPrimitives.ReadDoubleLittleEndian(_src[_pos..]); _pos += 8; return v; }
    }
}
