namespace PartnerSim.Model.Options;

/// <summary>
/// One scenario: every parameter of the rule book, grouped by concern. Defaults are the rule book's;
/// a scenario file overrides some of them. Validated once, at the edge (PartnerSim.Inputs' <c>ScenarioValidator</c>).
/// </summary>
public sealed record ScenarioOptions
{
    public RunOptions Run { get; init; } = new();
    public ScoringOptions Rules { get; init; } = new();
    public MoneyOptions Money { get; init; } = new();
    public BehaviourOptions Behaviour { get; init; } = new();
    public PopulationOptions Population { get; init; } = new();

    public static ScenarioOptions Default { get; } = new();
}
