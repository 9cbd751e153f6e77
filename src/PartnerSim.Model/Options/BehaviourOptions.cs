namespace PartnerSim.Model.Options;

/// <summary>What partners do each quarter (rule book §6).</summary>
public sealed record BehaviourOptions
{
    [Param(Provenance.Asm, "chance per quarter that an unaware partner gets the memo")]
    [Probability]
    public double PAware { get; init; } = 0.10;

    [Param(Provenance.Asm, "the same chance in every quarter after a missed payment ('where's the rebate?')")]
    [Probability]
    public double PAwareAfterLoss { get; init; } = 0.8;

    [Param(Provenance.Asm, "chance per quarter that an aware partner acts, by archetype")]
    [Probability]
    public PerArchetype<double> PAct { get; init; } = new()
    {
        Strategist = 0.9, Traditionalist = 0.25, Unaware = 0.5, Waiting = 0.05,
    };

    [Param(Provenance.Asm, "chance per quarter that a Waiting partner below the partner band leaves for another vendor")]
    [Probability]
    public double PLeave { get; init; } = 0.3;

    [Param(Provenance.SeedAsm, "consecutive quarters below the partner band (from launch) before a Waiting partner may leave")]
    [Range(0, RunOptions.MaxQuarters)]
    public int LeaveAfterQuarters { get; init; } = 2;

    [Param(Provenance.Asm, "sigma of the lognormal quarterly bookings noise (mean 1)")]
    [Range(0, 2)]
    public double QuarterNoiseSigma { get; init; } = 0.05;

    [Param(Provenance.Asm, "sd (percentage points) of the normal noise on ACV and TCV growth")]
    [Range(0, 100)]
    public double GrowthMetricNoisePoints { get; init; } = 5.0;

    public ActionOptions Actions { get; init; } = new();
}

/// <summary>The action menu of §6.2: costs, effects, and how long validations take.</summary>
public sealed record ActionOptions
{
    [Param(Provenance.Asm, "cost of a pre-sales AAP push")]
    [Range(0, 1000)]
    public int AapCost { get; init; } = 1;
    [Param(Provenance.Asm, "aapPct (share of deals with a pre-sales assessment) added by a pre-sales AAP push")]
    [Range(0, 100)]
    public double AapAapPct { get; init; } = 20;
    [Param(Provenance.Asm, "onboardPct added by a pre-sales AAP push")]
    [Range(0, 100)]
    public double AapOnboardPct { get; init; } = 15;
    [Param(Provenance.Asm, "adoptPct added by a pre-sales AAP push")]
    [Range(0, 100)]
    public double AapAdoptPct { get; init; } = 5;

    [Param(Provenance.Asm, "cost of Black Belt training")]
    [Range(0, 1000)]
    public int BlackBeltCost { get; init; } = 2;
    [Param(Provenance.Asm, "stage-1 Black Belt certificates per employee from one training (at least one)")]
    [Range(0, 10)]
    public double BlackBeltPerEmployee { get; init; } = 0.1;

    [Param(Provenance.Asm, "cost of career certifications")]
    [Range(0, 1000)]
    public int CareerCost { get; init; } = 2;
    [Param(Provenance.Asm, "career certs per employee from one round (at least one)")]
    [Range(0, 10)]
    public double CareerPerEmployee { get; init; } = 0.05;

    [Param(Provenance.Asm, "cost of validating CSPM or MSPM Basic")]
    [Range(0, 1000)]
    public int BasicCost { get; init; } = 3;
    [Param(Provenance.Asm, "cost of Basic -> Intermediate")]
    [Range(0, 1000)]
    public int IntermediateCost { get; init; } = 6;
    [Param(Provenance.Asm, "cost of Intermediate -> Expert")]
    [Range(0, 1000)]
    public int ExpertCost { get; init; } = 10;

    [Param(Provenance.Asm, "quarters until a Basic validation completes")]
    [Range(0, RunOptions.MaxQuarters)]
    public int BasicQuarters { get; init; } = 2;
    [Param(Provenance.Asm, "quarters until an Intermediate validation completes")]
    [Range(0, RunOptions.MaxQuarters)]
    public int IntermediateQuarters { get; init; } = 2;
    [Param(Provenance.Asm, "quarters until an Expert validation completes")]
    [Range(0, RunOptions.MaxQuarters)]
    public int ExpertQuarters { get; init; } = 4;

    /// <summary>
    /// The rule book lists the free actions but does not say whether they need a positive gain. A free
    /// action costs nothing, so an acting partner takes each one that applies.
    /// </summary>
    [Param(Provenance.Asm, "an acting partner takes every applicable free action even with no PVI gain")]
    public bool FreeActionsAlways { get; init; } = true;
}
