using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Engine;

/// <summary>What one partner's quarter produced: the row that aggregation reduces (money in cents).</summary>
public struct PartnerOutcome
{
    /// <summary>The partner was active when the quarter began (it was scored and booked deals).</summary>
    public bool WasActive;
    /// <summary>Still active at the end of the quarter.</summary>
    public bool Active;
    public bool Left;
    public bool Aware;
    public bool MissedPayment;
    /// <summary>Legacy counterfactual &gt; 0 and CPI earned = 0 in a quarter from launch on.</summary>
    public bool Losing;
    public LegacyTier Tier;
    public ManagedBy ManagedBy;
    public Band MainBand;
    public Band MainRawBand;
    public int MainPvi100;
    public long CpiEarnedCents;
    public long LegacyEarnedCents;
    public long CpiPaidCents;
    public long LegacyPaidCents;
    public long DiscountCents;
    /// <summary>Legacy − CPI earned, from launch on (0 before).</summary>
    public long ShortfallCents;
    public long BookingsCents;
    public int Deals;
}
