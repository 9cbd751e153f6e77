using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// Every segment figure of every quarter and segment on both sides, with its delta. A segment without partners on a
/// side is absent from its table: there its counts and sums are zero, its means, shares and quantiles undefined.
/// </summary>
public sealed class SegmentDeltas
{
    private readonly Dictionary<SegmentKey, FigureDelta[]> _rows;

    public IReadOnlyList<SegmentKey> Keys { get; }
    public IReadOnlyList<string> Figures { get; }

    private SegmentDeltas(List<SegmentKey> keys, List<string> figures, Dictionary<SegmentKey, FigureDelta[]> rows) =>
        (Keys, Figures, _rows) = (keys, figures, rows);

    public IReadOnlyList<FigureDelta> Row(SegmentKey key) => _rows[key];

    public FigureDelta? Find(SegmentKey key, string figure) =>
        _rows.TryGetValue(key, out var row) ? row.FirstOrDefault(f => f.Name == figure) : null;

    public int Count => _rows.Values.Sum(r => r.Length);

    public int Differing => _rows.Values.Sum(r => r.Count(f => !f.IsZero));

    public static SegmentDeltas Of(RunSide a, RunSide b, bool paired)
    {
        var figures = a.Runs[0].Segments.Figures.Concat(b.Runs[0].Segments.Figures).Distinct().ToList();
        var quarters = a.First.PerQuarter.Select(q => q.Quarter).Intersect(b.First.PerQuarter.Select(q => q.Quarter)).ToHashSet();
        var keys = a.Runs.Concat(b.Runs).SelectMany(r => r.Segments.Keys).Where(k => quarters.Contains(k.Quarter)).Distinct().ToList();
        var rows = new Dictionary<SegmentKey, FigureDelta[]>();
        foreach (var key in keys)
            rows[key] = [.. figures.Select(f => DeltaInterval.Of(f,
                [.. a.Runs.Select(r => Value(r.Segments, key, f))], [.. b.Runs.Select(r => Value(r.Segments, key, f))], paired))];
        return new SegmentDeltas(keys, figures, rows);
    }

    private static double? Value(SegmentTable table, SegmentKey key, string figure)
    {
        if (table.Row(key) is { } row) return table.Figures.Contains(figure) ? table.Value(row, figure) : null;
        return IsAdditive(figure) ? 0 : null;
    }

    /// <summary>Counts and sums (zero for an absent segment), as against means, shares and quantiles (undefined there).</summary>
    private static bool IsAdditive(string figure) =>
        !(figure.StartsWith("mean_", StringComparison.Ordinal) || figure.StartsWith("share_", StringComparison.Ordinal)
          || figure.StartsWith("p10_", StringComparison.Ordinal) || figure.StartsWith("p50_", StringComparison.Ordinal)
          || figure.StartsWith("p90_", StringComparison.Ordinal) || figure.StartsWith("median_", StringComparison.Ordinal));
}
