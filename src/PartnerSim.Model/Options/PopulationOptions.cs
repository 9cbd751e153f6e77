using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Options;

/// <summary>Who the partners are (rule book §7): the generator's parameters, or a roster file instead.</summary>
public sealed record PopulationOptions
{
    /// <summary>Most partners a run may have (about 40 GB of partner state at the ~4 KB a partner measured).</summary>
    public const int MaxPartners = 10_000_000;

    [Param(Provenance.Asm, "number of partners generated")]
    [Range(1, MaxPartners)]
    public int Partners { get; init; } = 10_000;

    /// <summary>A CSV roster that replaces the generator; a path relative to the scenario file.</summary>
    public string? Roster { get; init; }

    [Param(Provenance.Asm, "median annual Cisco bookings (USD)")]
    [Range(1, 1e10)]
    public double MedianBookingsUsd { get; init; } = 1_000_000;

    [Param(Provenance.Pub, "share of partners at the top of the bookings distribution ...")]
    [Range(0, 1, MinExclusive = true, MaxExclusive = true)]
    public double TopPartnersShare { get; init; } = 0.22;

    [Param(Provenance.Pub, "... that book this share of all bookings (sets the lognormal sigma)")]
    [Range(0, 1, MinExclusive = true, MaxExclusive = true)]
    public double TopBookingsShare { get; init; } = 0.90;

    [Param(Provenance.Asm, "yearly growth (%) of a partner's bookings: normal mean and sd")]
    [Range(-100, 1000)]
    public MeanSd GrowthPct { get; init; } = new() { Mean = 5, Sd = 10 };

    [Param(Provenance.Asm, "share of partners in each legacy tier, by bookings rank from the top (Gold, then Premier, then Select)")]
    [Probability]
    public PerTier<double> TierShare { get; init; } = new() { Gold = 0.015, Premier = 0.06, Select = 0.15, Registered = 0 };

    [Param(Provenance.Asm, "share of each tier holding a provider designation (Gold->GoldProvider, Premier->PremierProvider, else SelectProvider)")]
    [Probability]
    public PerTier<double> ProviderShare { get; init; } = new() { Gold = 0.30, Premier = 0.20, Select = 0.15, Registered = 0.03 };

    /// <summary>
    /// The middle layers of the legacy pyramid (Gold is the top, Registered the base). Whoever decides who is in
    /// the fat middle asks <see cref="FatMiddle"/>: the generator's archetype mix, distributor enrolment, and the
    /// reported fat-middle segments.
    /// </summary>
    [Param(Provenance.Seed, "legacy tiers that form the fat middle ('the fat middle layer of its partner pyramid')")]
    public List<LegacyTier> FatMiddleTiers { get; init; } = [.. TierSet.DefaultFatMiddle.Tiers];

    /// <summary>
    /// The fat middle as a set, to test membership without a list search. Built from the list on each call, so a
    /// per-partner caller takes it once (as the generator does) and keeps the set.
    /// </summary>
    public TierSet FatMiddle => TierSet.Of(FatMiddleTiers);

    [Param(Provenance.Asm, "archetype mix in the fat middle (fatMiddleTiers)")]
    [Probability]
    public PerArchetype<double> FatMiddleArchetypes { get; init; } = new()
    {
        Strategist = 0.15, Traditionalist = 0.25, Unaware = 0.50, Waiting = 0.10,
    };

    [Param(Provenance.Asm, "archetype mix elsewhere (the tiers not in fatMiddleTiers)")]
    [Probability]
    public PerArchetype<double> OtherArchetypes { get; init; } = new()
    {
        Strategist = 0.30, Traditionalist = 0.30, Unaware = 0.30, Waiting = 0.10,
    };

    [Param(Provenance.Asm, "base weight of each portfolio in a partner's bookings (v = base x portfolioSpread, shares = v / sum v)")]
    [Range(0, 1000)]
    public PerPortfolio<double> PortfolioBase { get; init; } = new()
    {
        Networking = 0.45, Security = 0.20, CloudAI = 0.10, Collaboration = 0.12, Services = 0.13,
    };

    [Param(Provenance.Asm, "each portfolio's random factor on its base weight: low + spread x u (0.2 + 1.6u)")]
    public UniformSpread PortfolioSpread { get; init; } = new() { Low = 0.2, Spread = 1.6 };

    [Param(Provenance.Asm, "latent programme engagement q by legacy tier (normal, clipped to [0,1])")]
    [Range(0, 1)]
    public PerTier<MeanSd> Engagement { get; init; } = new()
    {
        Registered = new() { Mean = 0.03, Sd = 0.03 },
        Select = new() { Mean = 0.45, Sd = 0.08 },
        Premier = new() { Mean = 0.70, Sd = 0.08 },
        Gold = new() { Mean = 0.90, Sd = 0.06 },
    };

    [Param(Provenance.Asm, "headcount range by size (log-uniform)")]
    [Range(1, 1_000_000)]
    public PerSize<IntRange> Employees { get; init; } = new()
    {
        S = new() { Min = 2, Max = 10 }, M = new() { Min = 10, Max = 50 },
        L = new() { Min = 50, Max = 300 }, XL = new() { Min = 300, Max = 5_000 },
    };

    public StartingMetricOptions StartingMetrics { get; init; } = new();

    [Param(Provenance.Asm, "share of starting Black Belt certificates at each stage")]
    [Probability]
    public PerStage<double> BlackBeltStageMix { get; init; } = new() { Stage1 = 0.6, Stage2 = 0.3, Stage3 = 0.1 };

    [Param(Provenance.Asm, "distributor programmes: which segment is enrolled, in which programme, what share")]
    public List<Enrolment> Managed { get; init; } = [];
}

/// <summary>Segments a distributor programme can enrol from.</summary>
public enum Segment { All, FatMiddle, Registered, Select, Premier, Gold }

public sealed record Enrolment
{
    public Segment Segment { get; init; } = Segment.FatMiddle;
    public ManagedBy Program { get; init; } = ManagedBy.DriveToFive;
    [Probability]
    public double Share { get; init; }

    public bool Covers(LegacyTier tier, TierSet fatMiddle) => Segment switch
    {
        Segment.All => true,
        Segment.FatMiddle => fatMiddle.Contains(tier),
        Segment.Registered => tier == LegacyTier.Registered,
        Segment.Select => tier == LegacyTier.Select,
        Segment.Premier => tier == LegacyTier.Premier,
        _ => tier == LegacyTier.Gold,
    };
}
