namespace PartnerSim.Model.Options;

/// <summary>
/// A metric → IndexAchieved scale in equal steps: 0 up to <see cref="Start"/>, then <see cref="IndexPerStep"/>
/// more for each <see cref="StepWidth"/>-wide step the value reaches into (a value on an edge falls in the lower
/// step), at most <see cref="Steps"/> steps. ACV growth: 0 up to 0 %, 2 per 5-point step, 5 steps.
/// </summary>
public sealed record StepScale
{
    [Range(-1000, 1000)]
    public double Start { get; init; }
    [Range(0, 1000, MinExclusive = true)]
    public double StepWidth { get; init; }
    [Range(1, 10)]
    public int Steps { get; init; }
    [Range(1, 10)]
    public int IndexPerStep { get; init; }
}

/// <summary>The metric scales of rule book §3 that come in equal steps (CSPM and MSPM have their own options).</summary>
public sealed record IndexScaleOptions
{
    [Param(Provenance.Pub, "Buying Program % -> IndexAchieved: (0,5] -> 1, ... 5-point steps ... (40,45] -> 9, > 45 -> 10")]
    public StepScale BuyingProgram { get; init; } = FivePointSteps;

    [Param(Provenance.Asm, "AI Bookings % -> IndexAchieved (as Buying Program: (0,5] -> 1, ... > 45 -> 10)")]
    public StepScale AiBookings { get; init; } = FivePointSteps;

    [Param(Provenance.Asm, "Premium Services % -> IndexAchieved (as Buying Program: (0,5] -> 1, ... > 45 -> 10)")]
    public StepScale PremiumServices { get; init; } = FivePointSteps;

    [Param(Provenance.Asm, "ACV growth % -> IndexAchieved: <= 0 -> 0, (0,5] -> 2, (5,10] -> 4, ... > 20 -> 10")]
    public StepScale AcvGrowth { get; init; } = GrowthSteps;

    [Param(Provenance.Asm, "TCV growth % -> IndexAchieved: <= 0 -> 0, (0,5] -> 2, (5,10] -> 4, ... > 20 -> 10")]
    public StepScale TcvGrowth { get; init; } = GrowthSteps;

    [Param(Provenance.Asm, "on-time renewal % -> IndexAchieved: <= 50 -> 0, (50,55] -> 1, ... (90,95] -> 9, > 95 -> 10")]
    public StepScale OnTimeRenewal { get; init; } = new() { Start = 50, StepWidth = 5, Steps = 10, IndexPerStep = 1 };

    [Param(Provenance.Asm, "powered services (count) -> IndexAchieved: 0 -> 0, 1 -> 5, >= 2 -> 10")]
    public StepScale PoweredServices { get; init; } = new() { Start = 0, StepWidth = 1, Steps = 2, IndexPerStep = 5 };

    private static StepScale FivePointSteps => new() { Start = 0, StepWidth = 5, Steps = 10, IndexPerStep = 1 };
    private static StepScale GrowthSteps => new() { Start = 0, StepWidth = 5, Steps = 5, IndexPerStep = 2 };
}
