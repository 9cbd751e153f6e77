namespace PartnerSim.Model.Partners;

/// <summary>
/// Everything one partner carries from quarter to quarter (rule book §2). One instance per partner grain.
/// Kept to plain fields and small fixed arrays: it is the grain's state, the digest's input and the unit of
/// persistence, so its size is the simulation's memory footprint.
/// </summary>
public sealed class PartnerState
{
    /// <summary>Quarters of bookings history kept (growth metrics and the legacy half-year minimum).</summary>
    public const int BookingsHistory = 8;
    /// <summary>Longest Black Belt window supported (the published 36 months is 12 quarters).</summary>
    public const int MaxBlackBeltWindow = 16;

    public long Id;
    /// <summary>Run quarter index of the last step applied; −1 before the first quarter.</summary>
    public int LastQuarter = -1;

    public PartnerSize Size;
    public int Employees;
    public double AnnualBookingsUsd;
    public double GrowthPct;
    /// <summary>Quarter bookings, most recent first: [0] is the last simulated (or projected) quarter.</summary>
    public double[] QuarterBookings = new double[BookingsHistory];
    public double[] PortfolioShare = new double[Metrics.PortfolioCount];
    public Portfolio MainPortfolio;

    public LegacyTier LegacyTier;
    public LegacyProvider LegacyProvider;
    public Archetype Archetype;
    public ManagedBy ManagedBy;
    public bool Aware;
    /// <summary>A payment was missed at some point: from then on awareness uses pAwareAfterLoss.</summary>
    public bool LossSeen;
    public bool ProviderRegistered;

    public Maturity Cspm, Mspm;
    /// <summary>Validation in progress (None when there is none) and the run quarter it completes in.</summary>
    public Maturity CspmPending, MspmPending;
    public int CspmReadyQuarter, MspmReadyQuarter;

    /// <summary>
    /// Black Belt points ×2 (stages weigh 1, 1.5, 2) by age: [0] earned in the current quarter, [k] k quarters
    /// ago. Whole half-points keep the index exact.
    /// </summary>
    public int[] BlackBeltHalfPoints = new int[MaxBlackBeltWindow];
    public int CareerCerts;
    public int MerakiCerts;
    public bool MerakiRegistered;

    public double AapPct, OnboardPct, AdoptPct;
    public double BuyingProgramPct, AiBookingsPct, PremiumServicesPct, OtrrPct;
    public int PoweredServices;
    public double AcvGrowthPct, TcvGrowthPct;

    /// <summary>Best band per portfolio over the pre-launch quarters (the high-water mark, §4).</summary>
    public Band[] ProtectedBand = new Band[Metrics.PortfolioCount];
    /// <summary>Main portfolio's PVI ×100 last quarter, grace included (DriveToFive / BeTheOne test).</summary>
    public int LastMainPvi100;
    public int BelowPartnerQuarters;

    /// <summary>Rebates earned and not yet paid, oldest first (length = payment lag), in cents.</summary>
    public long[] OwedCpiCents = [];
    public long[] OwedLegacyCents = [];
    /// <summary>The last payment was a missed one: CPI paid 0 where legacy would have paid.</summary>
    public bool MissedPayment;

    public bool Active = true;

    public bool IsFatMiddle => Metrics.IsFatMiddle(LegacyTier);

    public PartnerState Clone()
    {
        var c = (PartnerState)MemberwiseClone();
        c.QuarterBookings = (double[])QuarterBookings.Clone();
        c.PortfolioShare = (double[])PortfolioShare.Clone();
        c.BlackBeltHalfPoints = (int[])BlackBeltHalfPoints.Clone();
        c.ProtectedBand = (Band[])ProtectedBand.Clone();
        c.OwedCpiCents = (long[])OwedCpiCents.Clone();
        c.OwedLegacyCents = (long[])OwedLegacyCents.Clone();
        return c;
    }
}
