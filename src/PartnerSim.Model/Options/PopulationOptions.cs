using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Options;

/// <summary>Who the partners are (rule book §7): the generator's parameters, or a roster file instead.</summary>
public sealed record PopulationOptions
{
    [Param(Provenance.Asm, "number of partners generated")]
    public int Partners { get; init; } = 10_000;

    /// <summary>A CSV roster that replaces the generator; a path relative to the scenario file.</summary>
    public string? Roster { get; init; }

    [Param(Provenance.Asm, "median annual Cisco bookings (USD)")]
    public double MedianBookingsUsd { get; init; } = 1_000_000;

    [Param(Provenance.Pub, "share of partners at the top of the bookings distribution ...")]
    public double TopPartnersShare { get; init; } = 0.22;

    [Param(Provenance.Pub, "... that book this share of all bookings (sets the lognormal sigma)")]
    public double TopBookingsShare { get; init; } = 0.90;

    [Param(Provenance.Asm, "yearly growth (%) of a partner's bookings: normal mean and sd")]
    public MeanSd GrowthPct { get; init; } = new() { Mean = 5, Sd = 10 };

    [Param(Provenance.Asm, "share of partners in each legacy tier, by bookings rank from the top (Gold, then Premier, then Select)")]
    public PerTier<double> TierShare { get; init; } = new() { Gold = 0.015, Premier = 0.06, Select = 0.15, Registered = 0 };

    [Param(Provenance.Asm, "share of each tier holding a provider designation (Gold->GoldProvider, Premier->PremierProvider, else SelectProvider)")]
    public PerTier<double> ProviderShare { get; init; } = new() { Gold = 0.30, Premier = 0.20, Select = 0.15, Registered = 0.03 };

    [Param(Provenance.Asm, "archetype mix in the fat middle (Select, Premier)")]
    public PerArchetype<double> FatMiddleArchetypes { get; init; } = new()
    {
        Strategist = 0.15, Traditionalist = 0.25, Unaware = 0.50, Waiting = 0.10,
    };

    [Param(Provenance.Asm, "archetype mix elsewhere (Registered, Gold)")]
    public PerArchetype<double> OtherArchetypes { get; init; } = new()
    {
        Strategist = 0.30, Traditionalist = 0.30, Unaware = 0.30, Waiting = 0.10,
    };

    [Param(Provenance.Asm, "base weight of each portfolio in a partner's bookings (v = base x (0.2 + 1.6u))")]
    public PerPortfolio<double> PortfolioBase { get; init; } = new()
    {
        Networking = 0.45, Security = 0.20, CloudAI = 0.10, Collaboration = 0.12, Services = 0.13,
    };

    [Param(Provenance.Asm, "latent programme engagement q by legacy tier (normal, clipped to [0,1])")]
    public PerTier<MeanSd> Engagement { get; init; } = new()
    {
        Registered = new() { Mean = 0.03, Sd = 0.03 },
        Select = new() { Mean = 0.45, Sd = 0.08 },
        Premier = new() { Mean = 0.70, Sd = 0.08 },
        Gold = new() { Mean = 0.90, Sd = 0.06 },
    };

    [Param(Provenance.Asm, "headcount range by size (log-uniform)")]
    public PerSize<IntRange> Employees { get; init; } = new()
    {
        S = new() { Min = 2, Max = 10 }, M = new() { Min = 10, Max = 50 },
        L = new() { Min = 50, Max = 300 }, XL = new() { Min = 300, Max = 5_000 },
    };

    [Param(Provenance.Asm, "distributor programmes: which segment is enrolled, in which programme, what share")]
    public List<Enrolment> Managed { get; init; } = [];
}

/// <summary>Segments a distributor programme can enrol from.</summary>
public enum Segment { All, FatMiddle, Registered, Select, Premier, Gold }

public sealed record Enrolment
{
    public Segment Segment { get; init; } = Segment.FatMiddle;
    public ManagedBy Program { get; init; } = ManagedBy.DriveToFive;
    public double Share { get; init; }

    public bool Covers(LegacyTier tier) => Segment switch
    {
        Segment.All => true,
        Segment.FatMiddle => Metrics.IsFatMiddle(tier),
        Segment.Registered => tier == LegacyTier.Registered,
        Segment.Select => tier == LegacyTier.Select,
        Segment.Premier => tier == LegacyTier.Premier,
        _ => tier == LegacyTier.Gold,
    };
}
