using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Figures;

/// <summary>A figure of a whole run: a named <see cref="FigureQuery"/> over its quarters.</summary>
public sealed record RunFigure(string Name, string Query, string Description);

/// <summary>A run figure's value on one run.</summary>
public sealed record RunFigureValue(RunFigure Figure, FigureUnit Unit, decimal? Value);

/// <summary>
/// The run's headline, declared once for every place that shows it (summary.json's <c>headline</c>, sweep rows, the
/// console and the report).
/// </summary>
public static class RunFigures
{
    public static readonly IReadOnlyList<RunFigure> Headline =
    [
        new("cpiRebateAfterLaunchUsd", "cpiRebateUsd@launch..end", "CPI earned from launch to the end of the run"),
        new("legacyRebateAfterLaunchUsd", "legacyRebateUsd@launch..end", "legacy counterfactual from launch to the end"),
        new("shortfallAfterLaunchUsd", "shortfallUsd@launch..end", "shortfall (legacy minus CPI) from launch to the end"),
        new("fatMiddleShortfallAfterLaunchUsd", "fatMiddle.shortfallUsd@launch..end", "the fat middle's shortfall from launch to the end"),
        new("unmanagedFatMiddleShortfallAfterLaunchUsd", "unmanagedFatMiddle.shortfallUsd@launch..end",
            "the unmanaged fat middle's shortfall from launch to the end"),
        new("fatMiddlePartnersAtLaunch", "fatMiddle.partners@launch", "fat-middle partners in the launch quarter"),
        new("fatMiddleLosingAtLaunch", "fatMiddle.losing@launch", "fat-middle partners losing CPI eligibility in the launch quarter"),
        new("fatMiddleMedianShortfallAtLaunchUsd", "fatMiddle.medianShortfallUsd@launch",
            "median quarterly shortfall of the fat-middle partners losing eligibility at launch"),
        new("partnerPlusAtLaunch", "partnerPlus@launch", "partners at partner band or better in the launch quarter"),
        new("partnersLeft", "left@start..end", "partners that left for another vendor during the run"),
        new("cpiToLegacyFourQuartersAfterLaunch", "cpiRebateUsd/legacyRebateUsd@launch+4",
            "CPI pot against the legacy pot in the fourth quarter after launch (Cisco: 'will at least match')"),
    ];

    public static IReadOnlyList<RunFigureValue> Evaluate(IEnumerable<RunFigure> figures, QuarterTable table, RuleBook rules,
        IReadOnlyList<QuarterStats> quarters) =>
        figures.Select(f =>
        {
            var query = FigureQuery.Parse(f.Query, table);
            return new RunFigureValue(f, query.Unit(table), query.Evaluate(table, rules, quarters));
        }).ToList();
}
