namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// Where a factor counts as lowest and highest for its swing (<see cref="FactorSwing"/>): its first and last level, or
/// the bottom and top quarter of its range on its own scale; as values and in words.
/// </summary>
public static class FactorStrata
{
    /// <summary>The first level, or the bottom quarter's ends ("2 to 2.63215").</summary>
    public static string LowValues(ExperimentFactor f) =>
        f.Factor.Levels is { } levels ? f.Label(levels[0]) : $"{f.Label(f.Number(0))} to {f.Label(f.Number(0.25))}";

    /// <summary>The last level, or the top quarter's ends.</summary>
    public static string HighValues(ExperimentFactor f) =>
        f.Factor.Levels is { } levels ? f.Label(levels[^1]) : $"{f.Label(f.Number(0.75))} to {f.Label(f.Number(1))}";

    public static string Lowest(ExperimentFactor f) => f.Factor.Levels is null
        ? $"in the bottom quarter of its range ({LowValues(f)})"
        : f.LevelTexts is null ? $"at its lowest, {LowValues(f)}" : $"at its first level, {LowValues(f)}";

    public static string Highest(ExperimentFactor f) => f.Factor.Levels is null
        ? $"in the top quarter ({HighValues(f)})"
        : f.LevelTexts is null ? $"at its highest, {HighValues(f)}" : $"at its last level, {HighValues(f)}";
}
