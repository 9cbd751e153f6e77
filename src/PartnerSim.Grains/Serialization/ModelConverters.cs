using System.Text.Json;
using Orleans.Serialization.Cloning;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;

namespace PartnerSim.Grains.Serialization;

// The model is kept free of Orleans, so its types cross grain boundaries through surrogates. Partner states
// and quarter reductions travel in their own canonical byte forms (the same bytes the digest hashes);
// the scenario, sent once per run, as JSON.

[GenerateSerializer]
public struct PartnerStateSurrogate
{
    [Id(0)] public byte[] Bytes;
}

[RegisterConverter]
public sealed class PartnerStateConverter : IConverter<PartnerState, PartnerStateSurrogate>
{
    public PartnerState ConvertFromSurrogate(in PartnerStateSurrogate surrogate) => PartnerStateCodec.Read(surrogate.Bytes);
    public PartnerStateSurrogate ConvertToSurrogate(in PartnerState value) => new() { Bytes = PartnerStateCodec.ToBytes(value) };
}

[GenerateSerializer]
public struct QuarterStatsSurrogate
{
    [Id(0)] public byte[] Bytes;
}

[RegisterConverter]
public sealed class QuarterStatsConverter : IConverter<QuarterStats, QuarterStatsSurrogate>
{
    public QuarterStats ConvertFromSurrogate(in QuarterStatsSurrogate surrogate) => QuarterStats.FromBytes(surrogate.Bytes);
    public QuarterStatsSurrogate ConvertToSurrogate(in QuarterStats value) => new() { Bytes = value.ToBytes() };
}

/// <summary>
/// Within a silo a cohort's reduction is handed over as it is, not copied through its bytes (Orleans copies every
/// response two more times on the way back): a cohort builds a new <see cref="QuarterStats"/> for every call and
/// never touches it after returning it, and its parent only reads it.
/// </summary>
[RegisterCopier]
public sealed class QuarterStatsCopier : ShallowCopier<QuarterStats>;

[GenerateSerializer]
public struct ScenarioOptionsSurrogate
{
    [Id(0)] public byte[] Json;
}

[RegisterConverter]
public sealed class ScenarioOptionsConverter : IConverter<ScenarioOptions, ScenarioOptionsSurrogate>
{
    public ScenarioOptions ConvertFromSurrogate(in ScenarioOptionsSurrogate surrogate) =>
        JsonSerializer.Deserialize<ScenarioOptions>(surrogate.Json)!;
    public ScenarioOptionsSurrogate ConvertToSurrogate(in ScenarioOptions value) =>
        new() { Json = JsonSerializer.SerializeToUtf8Bytes(value) };
}

[GenerateSerializer, Immutable]
public struct TierCutsSurrogate
{
    [Id(0)] public double Gold;
    [Id(1)] public double Premier;
    [Id(2)] public double Select;
}

[RegisterConverter]
public sealed class TierCutsConverter : IConverter<TierCuts, TierCutsSurrogate>
{
    public TierCuts ConvertFromSurrogate(in TierCutsSurrogate s) => new(s.Gold, s.Premier, s.Select);
    public TierCutsSurrogate ConvertToSurrogate(in TierCuts v) =>
        new() { Gold = v.GoldMinUsd, Premier = v.PremierMinUsd, Select = v.SelectMinUsd };
}

[GenerateSerializer, Immutable]
public struct PartnerOutcomeSurrogate
{
    [Id(0)] public byte Facts;
    [Id(1)] public byte Segment;
    [Id(2)] public byte Provider;
    [Id(3)] public byte MainPortfolio;
    [Id(4)] public byte MainRawBand;
    /// <summary>The five effective bands, two bits each.</summary>
    [Id(5)] public ushort Bands;
    /// <summary>The five PVIs × 100 (0 … 1,000), eleven bits each.</summary>
    [Id(6)] public long Pvi100;
    [Id(7)] public long CpiEarnedCents;
    [Id(8)] public long LegacyEarnedCents;
    [Id(9)] public long CpiPaidCents;
    [Id(10)] public long LegacyPaidCents;
    [Id(11)] public long DiscountCents;
    [Id(12)] public long BookingsCents;
    [Id(13)] public int Deals;
}

[RegisterConverter]
public sealed class PartnerOutcomeConverter : IConverter<PartnerOutcome, PartnerOutcomeSurrogate>
{
    public PartnerOutcome ConvertFromSurrogate(in PartnerOutcomeSurrogate s)
    {
        var o = new PartnerOutcome
        {
            FactBits = s.Facts, Segment = new SegmentCell(s.Segment), Provider = (LegacyProvider)s.Provider,
            MainPortfolio = (Portfolio)s.MainPortfolio, MainRawBand = (Band)s.MainRawBand,
            CpiEarnedCents = s.CpiEarnedCents, LegacyEarnedCents = s.LegacyEarnedCents,
            CpiPaidCents = s.CpiPaidCents, LegacyPaidCents = s.LegacyPaidCents, DiscountCents = s.DiscountCents,
            BookingsCents = s.BookingsCents, Deals = s.Deals,
        };
        for (int p = 0; p < Metrics.PortfolioCount; p++)
        {
            o.Bands[p] = (Band)(s.Bands >> (2 * p) & 3);
            o.Pvi100[p] = (short)(s.Pvi100 >> (11 * p) & 0x7FF);
        }
        return o;
    }

    public PartnerOutcomeSurrogate ConvertToSurrogate(in PartnerOutcome o)
    {
        int bands = 0;
        long pvi = 0;
        for (int p = 0; p < Metrics.PortfolioCount; p++)
        {
            bands |= (int)o.Bands[p] << (2 * p);
            pvi |= (long)o.Pvi100[p] << (11 * p);
        }
        return new()
        {
            Facts = o.FactBits, Segment = o.Segment.Cell, Provider = (byte)o.Provider, MainPortfolio = (byte)o.MainPortfolio,
            MainRawBand = (byte)o.MainRawBand, Bands = (ushort)bands, Pvi100 = pvi, CpiEarnedCents = o.CpiEarnedCents,
            LegacyEarnedCents = o.LegacyEarnedCents, CpiPaidCents = o.CpiPaidCents, LegacyPaidCents = o.LegacyPaidCents,
            DiscountCents = o.DiscountCents, BookingsCents = o.BookingsCents, Deals = o.Deals,
        };
    }
}
