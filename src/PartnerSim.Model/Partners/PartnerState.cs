namespace PartnerSim.Model.Partners;

/// <summary>
/// Everything one partner carries from quarter to quarter (rule book §2). One instance per partner grain.
/// Kept to plain fields and small fixed arrays held inline (one object per partner): it is the grain's state, the
/// digest's input and the unit of persistence, so its size is the simulation's memory footprint. The arrays are
/// exposed as spans of their used length.
/// </summary>
public sealed class PartnerState
{
    /// <summary>Quarters of bookings history kept (growth metrics and the legacy half-year minimum).</summary>
    public const int BookingsHistory = 8;
    /// <summary>Longest Black Belt window supported (the published 36 months is 12 quarters).</summary>
    public const int MaxBlackBeltWindow = 16;
    /// <summary>Longest payment lag supported, in quarters.</summary>
    public const int MaxPaymentLag = 8;

    private BookingsByAge _quarterBookings;
    private ByPortfolio<double> _portfolioShare;
    private HalfPointsByAge _blackBeltHalfPoints;
    private ByPortfolio<Band> _protectedBand;
    private CentsByQuarter _owedCpiCents, _owedLegacyCents;

    public long Id;
    /// <summary>Run quarter index of the last step applied; −1 before the first quarter.</summary>
    public int LastQuarter = -1;

    public PartnerSize Size;
    public int Employees;
    public double AnnualBookingsUsd;
    public double GrowthPct;
    /// <summary>Quarter bookings, most recent first: [0] is the last simulated (or projected) quarter.</summary>
    public Span<double> QuarterBookings => _quarterBookings;
    public Span<double> PortfolioShare => _portfolioShare;
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
    public Span<int> BlackBeltHalfPoints => _blackBeltHalfPoints;
    public int CareerCerts;
    public int MerakiCerts;
    public bool MerakiRegistered;

    public double AapPct, OnboardPct, AdoptPct;
    public double BuyingProgramPct, AiBookingsPct, PremiumServicesPct, OtrrPct;
    public int PoweredServices;
    public double AcvGrowthPct, TcvGrowthPct;

    /// <summary>Best band per portfolio over the pre-launch quarters (the high-water mark, §4).</summary>
    public Span<Band> ProtectedBand => _protectedBand;
    /// <summary>Main portfolio's PVI ×100 last quarter, grace included (DriveToFive / BeTheOne test).</summary>
    public int LastMainPvi100;
    public int BelowPartnerQuarters;

    /// <summary>Quarters between earning a rebate and its payment (0 … <see cref="MaxPaymentLag"/>).</summary>
    public int PaymentLag
    {
        get => _paymentLag;
        set => _paymentLag = value is >= 0 and <= MaxPaymentLag ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"payment lag must be 0 … {MaxPaymentLag} quarters");
    }
    private int _paymentLag;

    /// <summary>Rebates earned and not yet paid, oldest first (length = payment lag), in cents.</summary>
    public Span<long> OwedCpiCents => ((Span<long>)_owedCpiCents)[.._paymentLag];
    public Span<long> OwedLegacyCents => ((Span<long>)_owedLegacyCents)[.._paymentLag];
    /// <summary>The last payment was a missed one: CPI paid 0 where legacy would have paid.</summary>
    public bool MissedPayment;

    public bool Active = true;

    /// <summary>The portfolio shares added up in portfolio order (1 once normalised).</summary>
    public double PortfolioShareTotal
    {
        get
        {
            double sum = 0;
            foreach (var share in PortfolioShare) sum += share;
            return sum;
        }
    }

    /// <summary>A copy sharing nothing with this state (the arrays are inline, so a field copy is a deep copy).</summary>
    public PartnerState Clone() => (PartnerState)MemberwiseClone();
}
