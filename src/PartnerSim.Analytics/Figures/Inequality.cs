using PartnerSim.Analytics.Statistics;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Figures;

/// <summary>
/// How unequally a money figure is spread over the partners active in a quarter: its Lorenz curve and Gini
/// coefficient, from the whole population's mergeable sketch (each bucket's partners taken to hold the bucket's value,
/// within the sketch's 0.5% relative accuracy). Declared for CPI and the legacy counterfactual, so the two programmes
/// can be set side by side.
/// </summary>
public sealed record Inequality(string Name, string Description, SegmentFigure Of)
{
    public static readonly IReadOnlyList<Inequality> Measured =
    [
        new("cpiRebate", "CPI earned", QuarterFigures.SegmentCpi),
        new("legacyRebate", "legacy counterfactual", QuarterFigures.SegmentLegacy),
    ];

    /// <summary>Points the curve is written at: population shares 0, 0.02, …, 1.</summary>
    public const int CurvePoints = 51;

    private static readonly SegmentView Everyone = new("all", "every partner active in the quarter", _ => true);

    /// <summary>The Lorenz curve in a quarter; null when no partner holds anything.</summary>
    public LorenzCurve? Curve(QuarterStats q)
    {
        var sketch = q.View(Everyone).Sketch(Of);
        var buckets = sketch.Ascending().Select(b => new ValueBucket(b.Count, b.Count * Math.Max(b.Value, 0))).ToList();
        return buckets.Sum(b => b.Sum) > 0 ? LorenzCurve.OfBuckets(buckets) : null;
    }

    /// <summary>The curve at evenly spaced population shares (linear between its points), for charts and files.</summary>
    public static IReadOnlyList<LorenzPoint> Resampled(LorenzCurve curve)
    {
        var points = curve.Points;
        var result = new LorenzPoint[CurvePoints];
        int j = 0;
        for (int i = 0; i < CurvePoints; i++)
        {
            double p = (double)i / (CurvePoints - 1);
            while (j < points.Count - 2 && points[j + 1].PopulationShare < p) j++;
            var (a, b) = (points[j], points[Math.Min(j + 1, points.Count - 1)]);
            double t = b.PopulationShare > a.PopulationShare ? (p - a.PopulationShare) / (b.PopulationShare - a.PopulationShare) : 1;
            result[i] = new LorenzPoint(p, a.ValueShare + Math.Clamp(t, 0, 1) * (b.ValueShare - a.ValueShare));
        }
        return result;
    }

    /// <summary>The Gini coefficient as a quarter column (<c>giniCpiRebate</c>).</summary>
    public FigureColumn<QuarterStats> GiniColumn =>
        new("gini" + char.ToUpperInvariant(Name[0]) + Name[1..], FigureUnit.Ratio,
            $"Gini coefficient of {Description} across the partners active in the quarter (0: all equal; 1: one partner holds all)",
            q => Curve(q) is { } c ? FigureUnit.Ratio.Written(c.Gini) : null);
}
