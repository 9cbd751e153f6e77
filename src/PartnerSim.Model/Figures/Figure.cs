using System.Linq.Expressions;
using PartnerSim.Model.Engine;

namespace PartnerSim.Model.Figures;

/// <summary>
/// One figure a quarter reduces, declared once in <see cref="QuarterFigures"/>: its name (as in summary.json), unit,
/// description, and how it reduces. The reduction through the cohort tree, its bytes, summary.json, the quarter table,
/// the segment table and the report are all generated from these declarations.
/// </summary>
public abstract class Figure(string name, FigureUnit unit, string description)
{
    public string Name { get; } = name;
    public FigureUnit Unit { get; } = unit;
    public string Description { get; } = description;

    public override string ToString() => Name;
}

public enum PopulationReduction
{
    /// <summary>Partners for whom a condition holds.</summary>
    Count,
    /// <summary>An integer summed over partners.</summary>
    Sum,
    /// <summary>Partners by one key (a band, a histogram bucket).</summary>
    Keyed,
    /// <summary>Partners by two keys (legacy tier × band).</summary>
    Table,
    /// <summary>Partners by a key of each portfolio (a histogram per portfolio).</summary>
    PerPortfolio,
}

/// <summary>A figure of the whole population: one integer, or one per key.</summary>
public sealed class PopulationFigure : Figure
{
    internal PopulationFigure(string name, FigureUnit unit, string description, PopulationReduction reduction,
        LambdaExpression expression, bool everyone, string[]? rows = null, string[]? keys = null, LambdaExpression? row = null)
        : base(name, unit, description)
    {
        Reduction = reduction;
        Expression = expression;
        Everyone = everyone;
        Rows = rows ?? [];
        Keys = keys ?? [];
        Row = row;
    }

    public PopulationReduction Reduction { get; }
    /// <summary>
    /// Counted over every partner of the run, including those who left earlier (money paid to them); every other
    /// figure counts the partners active during the quarter.
    /// </summary>
    public bool Everyone { get; }
    /// <summary>Labels of the first key (Table: the row; PerPortfolio: the portfolios).</summary>
    public IReadOnlyList<string> Rows { get; }
    /// <summary>Labels of the key counted by (empty for a scalar).</summary>
    public IReadOnlyList<string> Keys { get; }
    /// <summary>Its keys are buckets of a distribution (written as an array, left out of the quarter table).</summary>
    public bool IsHistogram { get; init; }

    /// <summary>Integers it occupies.</summary>
    public int Size => Math.Max(1, Rows.Count) * Math.Max(1, Keys.Count);
    internal int Slot { get; set; }

    internal LambdaExpression Expression { get; }
    internal LambdaExpression? Row { get; }
}

public enum SegmentReduction
{
    /// <summary>Partners of the segment for whom a condition holds.</summary>
    Count,
    /// <summary>An integer summed over the segment's partners, with its distribution (mean and quantiles).</summary>
    Quantity,
    /// <summary>The distribution of an integer over the segment's partners for whom a condition holds.</summary>
    Distribution,
}

/// <summary>A figure of every segment cell (tier × size × programme × archetype), reported for any union of cells.</summary>
public sealed class SegmentFigure : Figure
{
    internal SegmentFigure(string name, FigureUnit unit, string description, SegmentReduction reduction,
        LambdaExpression? value, LambdaExpression? when, SketchMapping mapping, double[] quantiles)
        : base(name, unit, description)
    {
        Reduction = reduction;
        Value = value;
        When = when;
        Mapping = mapping;
        Quantiles = quantiles;
    }

    public SegmentReduction Reduction { get; }
    public SketchMapping Mapping { get; }
    /// <summary>The quantiles reported of its distribution (none for a count).</summary>
    public IReadOnlyList<double> Quantiles { get; }

    /// <summary>Names of the reported quantiles, in order; by default p10Name, p50Name, ….</summary>
    public IReadOnlyList<string> QuantileNames
    {
        get => _quantileNames ?? Quantiles.Select(q => $"p{Math.Round(q * 100)}{char.ToUpperInvariant(Name[0])}{Name[1..]}").ToArray();
        init => _quantileNames = value.Count == Quantiles.Count ? value
            : throw new ArgumentException($"'{Name}' reports {Quantiles.Count} quantiles", nameof(value));
    }
    private readonly IReadOnlyList<string>? _quantileNames;

    public bool HasSum => Reduction != SegmentReduction.Distribution;
    public bool HasSketch => Reduction != SegmentReduction.Count;
    internal int SumSlot { get; set; } = -1;
    internal int SketchSlot { get; set; } = -1;

    internal LambdaExpression? Value { get; }
    internal LambdaExpression? When { get; }
}
