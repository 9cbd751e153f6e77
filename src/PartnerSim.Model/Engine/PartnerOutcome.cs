using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Engine;

/// <summary>
/// What one partner's quarter produced: the row that the quarter's figures reduce and the detail file records
/// (money in cents). Kept compact (yes/no facts as bits, the segment in one byte, the shortfall and the main portfolio's
/// figures derived): on the grain host Orleans makes three response objects around it for every partner-quarter, so
/// its size is allocation on the hot path.
/// </summary>
public struct PartnerOutcome
{
    public long CpiEarnedCents;
    public long LegacyEarnedCents;
    public long CpiPaidCents;
    public long LegacyPaidCents;
    public long DiscountCents;
    public long BookingsCents;
    public int Deals;
    /// <summary>PVI × 100 (0 … 1,000) per portfolio, grace included.</summary>
    public ByPortfolio<short> Pvi100;
    /// <summary>Effective band per portfolio (the high-water mark applied).</summary>
    public ByPortfolio<Band> Bands;
    public SegmentCell Segment;
    public LegacyProvider Provider;
    public Portfolio MainPortfolio;
    public Band MainRawBand;
    private Facts _facts;

    [Flags]
    private enum Facts : byte
    {
        WasActive = 1, Active = 2, Left = 4, Aware = 8, MissedPayment = 16, Losing = 32, Launched = 64,
    }

    public LegacyTier Tier
    {
        readonly get => Segment.Tier;
        set => Segment = new(value, Segment.Size, Segment.ManagedBy, Segment.Archetype);
    }

    public ManagedBy ManagedBy
    {
        readonly get => Segment.ManagedBy;
        set => Segment = new(Segment.Tier, Segment.Size, value, Segment.Archetype);
    }

    public PartnerSize Size
    {
        readonly get => Segment.Size;
        set => Segment = new(Segment.Tier, value, Segment.ManagedBy, Segment.Archetype);
    }

    public Archetype Archetype
    {
        readonly get => Segment.Archetype;
        set => Segment = new(Segment.Tier, Segment.Size, Segment.ManagedBy, value);
    }

    /// <summary>PVI × 100 of portfolio <paramref name="p"/> (a method, so figure declarations can name it).</summary>
    public readonly int PviOf(int p) => Pvi100[p];

    /// <summary>Effective band of portfolio <paramref name="p"/>.</summary>
    public readonly Band BandOf(int p) => Bands[p];

    /// <summary>Main portfolio's PVI × 100 (0 … 1,000).</summary>
    public int MainPvi100
    {
        readonly get => Pvi100[(int)MainPortfolio];
        set => Pvi100[(int)MainPortfolio] = checked((short)value);
    }

    /// <summary>Main portfolio's effective band.</summary>
    public Band MainBand
    {
        readonly get => Bands[(int)MainPortfolio];
        set => Bands[(int)MainPortfolio] = value;
    }

    /// <summary>The partner was active when the quarter began (it was scored and booked deals).</summary>
    public bool WasActive { readonly get => Has(Facts.WasActive); set => Set(Facts.WasActive, value); }
    /// <summary>Still active at the end of the quarter.</summary>
    public bool Active { readonly get => Has(Facts.Active); set => Set(Facts.Active, value); }
    public bool Left { readonly get => Has(Facts.Left); set => Set(Facts.Left, value); }
    public bool Aware { readonly get => Has(Facts.Aware); set => Set(Facts.Aware, value); }
    public bool MissedPayment { readonly get => Has(Facts.MissedPayment); set => Set(Facts.MissedPayment, value); }
    /// <summary>Legacy counterfactual &gt; 0 and CPI earned = 0 in a quarter from launch on.</summary>
    public bool Losing { readonly get => Has(Facts.Losing); set => Set(Facts.Losing, value); }
    /// <summary>An active partner's quarter under Cisco 360 (from launch on).</summary>
    public bool Launched { readonly get => Has(Facts.Launched); set => Set(Facts.Launched, value); }

    /// <summary>Legacy − CPI earned, from launch on (0 before).</summary>
    public readonly long ShortfallCents => Launched ? LegacyEarnedCents - CpiEarnedCents : 0;

    /// <summary>The yes/no facts as one byte (bit k = the k-th of WasActive, Active, Left, Aware, MissedPayment, Losing, Launched).</summary>
    public byte FactBits { readonly get => (byte)_facts; set => _facts = (Facts)value; }

    private readonly bool Has(Facts fact) => (_facts & fact) != 0;
    private void Set(Facts fact, bool on) => _facts = on ? _facts | fact : _facts & ~fact;
}
