using Parquet;

namespace PartnerSim.Analytics.Runs;

/// <summary>
/// segments.parquet read back: per quarter and segment, every segment figure by its snake_case column name. Segments
/// without partners in a quarter are absent, as in the file.
/// </summary>
public sealed class SegmentTable
{
    private static readonly string[] s_keyColumns = ["quarter", "legacy_tier", "size", "managed_by", "archetype"];

    private readonly Dictionary<SegmentKey, int> _rows = [];
    private readonly Dictionary<string, double?[]> _values = [];

    public IReadOnlyList<SegmentKey> Keys { get; }

    /// <summary>The figure columns, in file order.</summary>
    public IReadOnlyList<string> Figures { get; }

    private SegmentTable(List<SegmentKey> keys, List<string> figures, Dictionary<string, double?[]> values)
    {
        Keys = keys;
        Figures = figures;
        _values = values;
        for (int i = 0; i < keys.Count; i++) _rows[keys[i]] = i;
    }

    public int? Row(SegmentKey key) => _rows.TryGetValue(key, out var row) ? row : null;

    public double? Value(int row, string figure) =>
        _values.TryGetValue(figure, out var column) ? column[row] : throw new ArgumentException($"no segment figure '{figure}'", nameof(figure));

    /// <summary>A figure of a segment in a quarter; null where the segment had no partners or the figure is undefined.</summary>
    public double? Value(SegmentKey key, string figure) => Row(key) is { } row ? Value(row, figure) : null;

    public static async Task<SegmentTable> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        foreach (var name in s_keyColumns) ParquetColumns.Field(reader, name, path);
        var figures = fields.Select(f => f.Name).Where(n => !s_keyColumns.Contains(n)).ToList();
        var keys = new List<SegmentKey>();
        var values = figures.ToDictionary(f => f, _ => new List<double?>());
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var text = new List<string?[]>();
            foreach (var name in s_keyColumns) text.Add(await ParquetColumns.Text(group, ParquetColumns.Field(reader, name, path)));
            for (int r = 0; r < group.RowCount; r++)
                keys.Add(new SegmentKey(text[0][r] ?? "", text[1][r] ?? "", text[2][r] ?? "", text[3][r] ?? "", text[4][r] ?? ""));
            foreach (var f in figures) values[f].AddRange(await ParquetColumns.Numbers(group, ParquetColumns.Field(reader, f, path)));
        }
        return new SegmentTable(keys, figures, values.ToDictionary(p => p.Key, p => p.Value.ToArray()));
    }
}
