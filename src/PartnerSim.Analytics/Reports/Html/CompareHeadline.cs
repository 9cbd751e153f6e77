using PartnerSim.Analytics.Compare;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>The sentence a comparison opens with: the fat middle losing at launch, its shortfall, and partners left, A → B.</summary>
public static class CompareHeadline
{
    private static readonly (string Name, string Label, bool Money)[] s_figures =
    [
        ("fatMiddleLosingAtLaunch", "fat-middle partners losing CPI eligibility at launch", false),
        ("fatMiddleShortfallAfterLaunchUsd", "the fat middle's shortfall from launch to the end", true),
        ("partnersLeft", "partners left", false),
    ];

    public static string Sentence(RunComparison c)
    {
        string pairing = c.Paired
            ? c.HasIntervals ? $"paired on {c.A.Runs.Count} seeds" : $"same seed {c.A.First.Seed}"
            : "different seeds";
        if (c.QuarterFiguresDiffering == 0 && c.Segments.Differing == 0 && c.Headline.All(h => h.IsZero))
            return $"B ({c.B.Label}) and A ({c.A.Label}), {pairing}, agree on every figure: no quarter or segment figure differs.";
        var parts = s_figures.Select(f => c.Headline.FirstOrDefault(h => h.Name == f.Name) is { } d
                ? $"{f.Label} {Value(d.A, f.Money)} → {Value(d.B, f.Money)} ({ComparePage.Delta(d.Delta, f.Money)}" +
                  (d.Low is { } l && d.High is { } h ? $", 95% interval {ComparePage.Delta(l, f.Money)} to {ComparePage.Delta(h, f.Money)})" : ")")
                : null)
            .OfType<string>();
        return $"B ({c.B.Label}) against A ({c.A.Label}), {pairing}: {string.Join("; ", parts)}.";
    }

    private static string Value(double? v, bool money) => v is { } x ? money ? Display.Money(x) : Display.Figure(Math.Round(x, 1)) : Display.Missing;
}
