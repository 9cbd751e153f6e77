using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;

namespace PartnerSim.Analytics.Figures;

/// <summary>
/// A quarter's figures as named columns: the population's, then each named segment's (<c>fatMiddle.losing</c>). The
/// quarter table (CSV, Parquet) writes the population's and the fat middle's; queries can name any of them.
/// </summary>
public sealed class QuarterTable
{
    public IReadOnlyList<SegmentView> Views { get; }
    /// <summary>Every column a query can name.</summary>
    public IReadOnlyList<FigureColumn<QuarterStats>> Columns { get; }
    /// <summary>The columns of quarters.csv / quarters.parquet (population and fat middle; tiers are in the segment table).</summary>
    public IReadOnlyList<FigureColumn<QuarterStats>> TableColumns { get; }

    public QuarterTable(FigureSet set, Func<LegacyTier, bool> isFatMiddle)
    {
        Views = SegmentView.Named(isFatMiddle);
        var segment = FigureColumns.Segment(set);
        var viewColumns = Views.Select(v => (View: v, Columns: segment.Select(c => c.From<QuarterStats>($"{v.Name}.{c.Name}", s => s.View(v))).ToList())).ToList();
        var population = FigureColumns.Population(set).Concat(Inequality.Measured.Select(i => i.GiniColumn)).ToList();
        Columns = [.. population, .. viewColumns.SelectMany(v => v.Columns)];
        TableColumns = [.. population, .. viewColumns.Where(v => !v.View.Name.Contains('.')).SelectMany(v => v.Columns)];
    }

    public static QuarterTable For(RuleBook rules) => new(QuarterFigures.Set, rules.Options.Population.FatMiddle.Contains);

    public FigureColumn<QuarterStats>? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
