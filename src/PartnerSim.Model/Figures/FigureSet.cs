using System.Linq.Expressions;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Figures;

/// <summary>
/// The registry of a quarter's figures, in declaration order, with the slots each occupies in a
/// <see cref="QuarterStats"/> and the method that adds one partner's outcome to all of them, compiled once from the
/// declarations' expressions (so adding a figure is one declaration, and adding stays as fast as hand-written code).
/// </summary>
public sealed class FigureSet
{
    internal delegate void AddOutcome(QuarterStats stats, ref PartnerOutcome outcome);

    private readonly List<Figure> _figures = [];

    public IReadOnlyList<Figure> Figures => _figures;
    public IEnumerable<PopulationFigure> Population => _figures.OfType<PopulationFigure>();
    public IEnumerable<SegmentFigure> Segment => _figures.OfType<SegmentFigure>();

    /// <summary>Integers of the population figures.</summary>
    public int TotalSlots { get; private set; }
    /// <summary>Integers of one segment cell.</summary>
    public int SegmentSlots { get; private set; }
    /// <summary>Sketches of one segment cell.</summary>
    public int SketchSlots { get; private set; }
    public SketchMapping[] SketchMappings { get; private set; } = [];

    private AddOutcome? _add;
    internal AddOutcome Add => _add ??= Compile();


    // ---- declaring ----

    /// <summary>Partners active during the quarter for whom <paramref name="when"/> holds.</summary>
    public PopulationFigure Count(string name, string description, Expression<Func<PartnerOutcome, bool>> when, bool everyone = false) =>
        Declare(new PopulationFigure(name, FigureUnit.Partners, description, PopulationReduction.Count, when, everyone));

    /// <summary><paramref name="value"/> summed over the partners active during the quarter.</summary>
    public PopulationFigure Sum(string name, FigureUnit unit, string description, Expression<Func<PartnerOutcome, long>> value,
        bool everyone = false) =>
        Declare(new PopulationFigure(name, unit, description, PopulationReduction.Sum, value, everyone));

    /// <summary>Active partners by a key in 0 … keys − 1.</summary>
    public PopulationFigure Keyed(string name, string description, string[] keys, Expression<Func<PartnerOutcome, int>> key,
        bool histogram = false) =>
        Declare(new PopulationFigure(name, FigureUnit.Partners, description, PopulationReduction.Keyed, key, false, keys: keys)
        {
            IsHistogram = histogram,
        });

    /// <summary>Active partners by two keys (row, key).</summary>
    public PopulationFigure Table(string name, string description, string[] rows, Expression<Func<PartnerOutcome, int>> row,
        string[] keys, Expression<Func<PartnerOutcome, int>> key) =>
        Declare(new PopulationFigure(name, FigureUnit.Partners, description, PopulationReduction.Table, key, false, rows, keys, row));

    /// <summary>Active partners by a key of each portfolio: <paramref name="key"/> is given the portfolio.</summary>
    public PopulationFigure PerPortfolio(string name, string description, string[] keys,
        Expression<Func<PartnerOutcome, int, int>> key, bool histogram = false) =>
        Declare(new PopulationFigure(name, FigureUnit.Partners, description, PopulationReduction.PerPortfolio, key, false,
            Metrics.AllPortfolios.Select(p => Names.Camel(p.ToString())).ToArray(), keys) { IsHistogram = histogram });

    /// <summary>A segment's active partners for whom <paramref name="when"/> holds.</summary>
    public SegmentFigure SegmentCount(string name, string description, Expression<Func<PartnerOutcome, bool>> when) =>
        Declare(new SegmentFigure(name, FigureUnit.Partners, description, SegmentReduction.Count, null, when, SketchMapping.Exact, []));

    /// <summary><paramref name="value"/> over a segment's active partners: its sum, mean and quantiles.</summary>
    public SegmentFigure SegmentQuantity(string name, FigureUnit unit, string description, Expression<Func<PartnerOutcome, long>> value,
        SketchMapping mapping, params double[] quantiles) =>
        Declare(new SegmentFigure(name, unit, description, SegmentReduction.Quantity, value, null, mapping, quantiles));

    /// <summary>The distribution of <paramref name="value"/> over a segment's active partners for whom <paramref name="when"/> holds.</summary>
    public SegmentFigure SegmentDistribution(string name, FigureUnit unit, string description,
        Expression<Func<PartnerOutcome, long>> value, Expression<Func<PartnerOutcome, bool>> when,
        SketchMapping mapping, params (double Q, string Name)[] quantiles) =>
        Declare(new SegmentFigure(name, unit, description, SegmentReduction.Distribution, value, when, mapping,
            quantiles.Select(q => q.Q).ToArray()) { QuantileNames = quantiles.Select(q => q.Name).ToArray() });

    private T Declare<T>(T figure) where T : Figure
    {
        if (_add is not null) throw new InvalidOperationException("figures are declared before the set is first used");
        // Names are unique within their kind: a segment's figures are always written under the segment's name.
        if (_figures.Any(f => f.Name == figure.Name && f.GetType() == figure.GetType()))
            throw new ArgumentException($"figure '{figure.Name}' is declared twice");
        switch (figure)
        {
            case PopulationFigure p:
                p.Slot = TotalSlots;
                TotalSlots += p.Size;
                break;
            case SegmentFigure s:
                if (s.HasSum) s.SumSlot = SegmentSlots++;
                if (s.HasSketch)
                {
                    s.SketchSlot = SketchSlots++;
                    SketchMappings = [.. SketchMappings, s.Mapping];
                }
                break;
        }
        _figures.Add(figure);
        return figure;
    }

    // ---- compiling ----

    private AddOutcome Compile()
    {
        var stats = Expression.Parameter(typeof(QuarterStats), "stats");
        var o = Expression.Parameter(typeof(PartnerOutcome).MakeByRefType(), "o");
        var totals = Expression.Variable(typeof(long[]), "totals");
        var cells = Expression.Variable(typeof(long[]), "cells");
        var cellBase = Expression.Variable(typeof(int), "cellBase");
        var cell = Expression.Variable(typeof(int), "cell");

        Expression Body(LambdaExpression lambda, Expression? second = null) =>
            new Substitute(lambda.Parameters[0], o, lambda.Parameters.Count > 1 ? lambda.Parameters[1] : null, second).Visit(lambda.Body);
        Expression Increment(Expression array, Expression index, Expression by) =>
            Expression.AddAssign(Expression.ArrayAccess(array, index), by);
        Expression Slot(int slot) => Expression.Constant(slot);
        var one = Expression.Constant(1L);

        Expression AddPopulation(PopulationFigure f) => f.Reduction switch
        {
            PopulationReduction.Count => Expression.IfThen(Body(f.Expression), Increment(totals, Slot(f.Slot), one)),
            PopulationReduction.Sum => Increment(totals, Slot(f.Slot), Body(f.Expression)),
            PopulationReduction.Keyed => Increment(totals, Expression.Add(Slot(f.Slot), Body(f.Expression)), one),
            PopulationReduction.Table => Increment(totals, Expression.Add(Slot(f.Slot),
                Expression.Add(Expression.Multiply(Body(f.Row!), Expression.Constant(f.Keys.Count)), Body(f.Expression))), one),
            _ => Expression.Block(Enumerable.Range(0, f.Rows.Count).Select(p =>
                Increment(totals, Expression.Add(Slot(f.Slot + p * f.Keys.Count), Body(f.Expression, Expression.Constant(p))), one))),
        };

        Expression AddSegment(SegmentFigure f)
        {
            var steps = new List<Expression>();
            if (f.Reduction == SegmentReduction.Count)
                steps.Add(Expression.IfThen(Body(f.When!), Increment(cells, Expression.Add(cellBase, Slot(f.SumSlot)), one)));
            if (f.Reduction == SegmentReduction.Quantity)
                steps.Add(Increment(cells, Expression.Add(cellBase, Slot(f.SumSlot)), Body(f.Value!)));
            if (f.HasSketch)
            {
                Expression add = Expression.Call(stats, typeof(QuarterStats).GetMethod(nameof(QuarterStats.AddToSketch),
                    System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!, cell, Slot(f.SketchSlot), Body(f.Value!));
                steps.Add(f.When is null ? add : Expression.IfThen(Body(f.When), add));
            }
            return Expression.Block(steps);
        }

        var everyone = Population.Where(f => f.Everyone).Select(AddPopulation).ToList();
        var active = Population.Where(f => !f.Everyone).Select(AddPopulation)
            .Append(Expression.Assign(cell, Expression.Convert(Expression.Property(Expression.Field(o, nameof(PartnerOutcome.Segment)),
                nameof(Model.Figures.SegmentCell.Cell)), typeof(int))))
            .Append(Expression.Assign(cellBase, Expression.Multiply(cell, Expression.Constant(SegmentSlots))))
            .Concat(Segment.Select(AddSegment)).ToList();

        var body = Expression.Block([totals, cells, cellBase, cell],
        [
            Expression.Assign(totals, Expression.Field(stats, nameof(QuarterStats.Totals))),
            Expression.Assign(cells, Expression.Field(stats, nameof(QuarterStats.CellSums))),
            .. everyone,
            Expression.IfThen(Expression.Property(o, nameof(PartnerOutcome.WasActive)), Expression.Block(active)),
        ]);
        return Expression.Lambda<AddOutcome>(body, stats, o).Compile();
    }

    /// <summary>Puts the compiled method's outcome (and a portfolio constant) where a declaration's parameters were.</summary>
    private sealed class Substitute(ParameterExpression from, Expression to, ParameterExpression? from2, Expression? to2)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? to : node == from2 ? to2! : base.VisitParameter(node);
    }
}
