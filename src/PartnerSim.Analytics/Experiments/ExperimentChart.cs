namespace PartnerSim.Analytics.Experiments;

public enum ExperimentChartKind { Tornado, Response, ScatterMatrix }

/// <summary>
/// One of an experiment's charts: <see cref="Id"/> names its files (charts/ID.png, charts/ID.svg). The list of them
/// follows from the outputs, the factors and the design alone, so the charts drawn and the charts the report embeds
/// are the same list, whether the report is written with the results or rebuilt from the files.
/// </summary>
/// <param name="Output">The output's position, or -1 for the scatter matrix.</param>
/// <param name="Factor">The factor's position for a response plot, else -1.</param>
public sealed record ExperimentChart(string Id, ExperimentChartKind Kind, int Output, int Factor, string Title, string Caption)
{
    public const string Folder = "charts";

    /// <summary>Per output a tornado and a response plot per factor (none without factors), then for a Latin hypercube the scatter matrix.</summary>
    public static IReadOnlyList<ExperimentChart> All(IReadOnlyList<string> outputs, IReadOnlyList<string> factors, string method)
    {
        var charts = new List<ExperimentChart>();
        for (int o = 0; o < outputs.Count && factors.Count > 0; o++)
        {
            var output = outputs[o];
            charts.Add(new($"tornado-{output}", ExperimentChartKind.Tornado, o, -1,
                $"{output}: each factor from its lowest values to its highest",
                $"Tornado of {output}: each bar runs from the output's mean over the design points where the factor is lowest " +
                "(its first level, or the bottom quarter of its range) to its mean where the factor is highest (last level, or " +
                "top quarter); the widest swing on top. Blue: the output rises with the factor; red: it falls. The dashed line " +
                "is the mean over every design point."));
            for (int j = 0; j < factors.Count; j++)
                charts.Add(new($"response-{output}-{factors[j]}", ExperimentChartKind.Response, o, j,
                    $"{output} against {factors[j]}",
                    $"{output} at each design point against the value of {factors[j]} there: the mean of the replicates, with its " +
                    "95% confidence interval where there are two replicates or more. The other factors vary too, so the spread " +
                    "at one value is their effect and the replicates' noise."));
        }
        if (method == "lhs")
            charts.Add(new("scatter-matrix", ExperimentChartKind.ScatterMatrix, -1, -1,
                "Scatter matrix of the factors and the outputs' design-point means",
                "Every pair of the factors and the outputs' design-point means: factor against factor shows the hypercube's " +
                "even cover of the ranges, factor against output each factor's effect, output against output how the " +
                "outputs move together."));
        return charts;
    }
}
