using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Engine;

/// <summary>
/// What one partner's quarter produced: the row that aggregation reduces (money in cents). Kept to 64 bytes
/// (yes/no facts as bits, the shortfall derived): on the grain host Orleans makes three response objects around
/// it for every partner-quarter, so its size is allocation on the hot path.
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
    private short _mainPvi100;
    public LegacyTier Tier;
    public ManagedBy ManagedBy;
    public Band MainBand;
    public Band MainRawBand;
    private Facts _facts;

    [Flags]
    private enum Facts : byte
    {
        WasActive = 1, Active = 2, Left = 4, Aware = 8, MissedPayment = 16, Losing = 32, Launched = 64,
    }

    /// <summary>Main portfolio's PVI × 100 (0 … 1,000).</summary>
    public int MainPvi100 { readonly get => _mainPvi100; set => _mainPvi100 = checked((short)value); }

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
