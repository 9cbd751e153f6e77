using PartnerSim.Model.Engine;

namespace PartnerSim.Model.Figures;

/// <summary>
/// The reduction of every partner's <see cref="PartnerOutcome"/> in one quarter, laid out by a <see cref="FigureSet"/>:
/// the population figures' integers, and per segment cell its integers and sketches. Integer sums and sketch counts
/// only, so the result is identical whichever way the tree of cohorts or the threads group the partners.
/// </summary>
public sealed class QuarterStats
{
    public int Quarter;
    public FigureSet Set { get; }
    internal readonly long[] Totals;
    internal readonly long[] CellSums;
    private readonly QuantileSketch?[] _cellSketches;

    public QuarterStats(int quarter) : this(quarter, QuarterFigures.Set) { }

    public QuarterStats(int quarter, FigureSet set)
    {
        Quarter = quarter;
        Set = set;
        Totals = new long[set.TotalSlots];
        CellSums = new long[SegmentCell.Cells * set.SegmentSlots];
        _cellSketches = new QuantileSketch?[SegmentCell.Cells * set.SketchSlots];
    }

    public void Add(in PartnerOutcome outcome)
    {
        _views = null;
        var o = outcome;
        Set.Add(this, ref o);
    }

    internal void AddToSketch(int cell, int slot, long value) =>
        (_cellSketches[cell * Set.SketchSlots + slot] ??= new QuantileSketch(Set.SketchMappings[slot])).Add(value);

    public void Merge(QuarterStats other)
    {
        _views = null;
        for (int i = 0; i < Totals.Length; i++) Totals[i] += other.Totals[i];
        for (int i = 0; i < CellSums.Length; i++) CellSums[i] += other.CellSums[i];
        for (int i = 0; i < _cellSketches.Length; i++)
            if (other._cellSketches[i] is { } sketch)
                (_cellSketches[i] ??= new QuantileSketch(sketch.Mapping)).Merge(sketch);
    }

    // ---- reading ----

    /// <summary>A scalar population figure (a count or a sum), in stored units.</summary>
    public long Total(PopulationFigure figure) =>
        figure.Size == 1 ? Totals[figure.Slot] : throw new ArgumentException($"'{figure.Name}' has keys; read it with Keyed", nameof(figure));

    /// <summary>A keyed population figure's integers, row by row.</summary>
    public ReadOnlySpan<long> Keyed(PopulationFigure figure) => Totals.AsSpan(figure.Slot, figure.Size);

    private Dictionary<SegmentView, SegmentTotals>? _views;

    /// <summary>A named segment's figures, merged once and kept (a reduction is read many times, never changed after).</summary>
    public SegmentTotals View(SegmentView view)
    {
        _views ??= [];
        if (!_views.TryGetValue(view, out var totals)) _views[view] = totals = Segment(view.Member);
        return totals;
    }

    /// <summary>The figures of the union of the cells that <paramref name="member"/> accepts.</summary>
    public SegmentTotals Segment(Func<SegmentCell, bool> member)
    {
        var totals = new SegmentTotals(Set);
        foreach (var s in SegmentCell.All)
            if (member(s)) totals.Merge(CellSums.AsSpan(s.Cell * Set.SegmentSlots, Set.SegmentSlots), _cellSketches.AsSpan(s.Cell * Set.SketchSlots, Set.SketchSlots));
        return totals;
    }

    // ---- bytes (the grains' wire form between silos) ----

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(Quarter);
            foreach (var v in Totals) w.Write(v);
            // Only cells that hold partners: most of the 256 are empty in a leaf's result.
            for (int cell = 0; cell < SegmentCell.Cells; cell++)
            {
                var sums = CellSums.AsSpan(cell * Set.SegmentSlots, Set.SegmentSlots);
                var sketches = _cellSketches.AsSpan(cell * Set.SketchSlots, Set.SketchSlots);
                bool any = sums.ContainsAnyExcept(0L);
                foreach (var s in sketches) any |= s is not null;
                if (!any) continue;
                w.Write((short)cell);
                foreach (var v in sums) w.Write(v);
                foreach (var s in sketches)
                {
                    w.Write(s is not null);
                    s?.WriteTo(w);
                }
            }
            w.Write((short)-1);
        }
        return ms.ToArray();
    }

    public static QuarterStats FromBytes(byte[] bytes) => FromBytes(bytes, QuarterFigures.Set);

    public static QuarterStats FromBytes(byte[] bytes, FigureSet set)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var s = new QuarterStats(r.ReadInt32(), set);
        for (int i = 0; i < s.Totals.Length; i++) s.Totals[i] = r.ReadInt64();
        for (int cell; (cell = r.ReadInt16()) >= 0;)
        {
            for (int i = 0; i < set.SegmentSlots; i++) s.CellSums[cell * set.SegmentSlots + i] = r.ReadInt64();
            for (int i = 0; i < set.SketchSlots; i++)
                if (r.ReadBoolean()) s._cellSketches[cell * set.SketchSlots + i] = QuantileSketch.ReadFrom(r, set.SketchMappings[i]);
        }
        return s;
    }
}

/// <summary>The segment figures of a union of cells: sums, and sketches merged.</summary>
public sealed class SegmentTotals(FigureSet set)
{
    private readonly long[] _sums = new long[set.SegmentSlots];
    private readonly QuantileSketch?[] _sketches = new QuantileSketch?[set.SketchSlots];

    public FigureSet Set { get; } = set;

    internal void Merge(ReadOnlySpan<long> sums, ReadOnlySpan<QuantileSketch?> sketches)
    {
        for (int i = 0; i < sums.Length; i++) _sums[i] += sums[i];
        for (int i = 0; i < sketches.Length; i++)
            if (sketches[i] is { } sketch) (_sketches[i] ??= new QuantileSketch(sketch.Mapping)).Merge(sketch);
    }

    public void Merge(SegmentTotals other) => Merge(other._sums, other._sketches);

    /// <summary>A count, or a quantity's sum, in stored units.</summary>
    public long this[SegmentFigure figure] =>
        figure.HasSum ? _sums[figure.SumSlot] : throw new ArgumentException($"'{figure.Name}' is a distribution only", nameof(figure));

    /// <summary>The figure's distribution over the segment's partners (empty when none).</summary>
    public QuantileSketch Sketch(SegmentFigure figure) =>
        figure.HasSketch ? _sketches[figure.SketchSlot] ?? new QuantileSketch(figure.Mapping)
            : throw new ArgumentException($"'{figure.Name}' is a count", nameof(figure));

    /// <summary>A quantile in stored units; null when the segment has no value of it.</summary>
    public double? Quantile(SegmentFigure figure, double q) => Sketch(figure).Quantile(q);
}
