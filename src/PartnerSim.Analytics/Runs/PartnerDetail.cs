using Parquet;

namespace PartnerSim.Analytics.Runs;

/// <summary>
/// partner-quarters.parquet read one quarter at a time: for each partner active or owed in the quarter, the columns a
/// paired comparison needs. The writer puts a quarter in a row group; the reader does not rely on it, but finds each
/// quarter's row groups by their <c>quarter_index</c> and keeps only that quarter's rows.
/// </summary>
public sealed class PartnerDetail : IAsyncDisposable
{
    private readonly string _path;
    private readonly Stream _stream;
    private readonly ParquetReader _reader;
    private readonly SortedDictionary<int, List<int>> _groups;

    /// <summary>The quarters the file holds, by run quarter index.</summary>
    public IReadOnlyList<int> QuarterIndexes => [.. _groups.Keys];

    private PartnerDetail(string path, Stream stream, ParquetReader reader, SortedDictionary<int, List<int>> groups) =>
        (_path, _stream, _reader, _groups) = (path, stream, reader, groups);

    public static async Task<PartnerDetail> OpenAsync(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            var reader = await ParquetReader.CreateAsync(stream);
            var index = ParquetColumns.Field(reader, "quarter_index", path);
            var groups = new SortedDictionary<int, List<int>>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                foreach (var q in (await ParquetColumns.Integers(group, index)).Distinct())
                {
                    if (!groups.TryGetValue((int)q, out var list)) groups[(int)q] = list = [];
                    list.Add(g);
                }
            }
            return new PartnerDetail(path, stream, reader, groups);
        }
        catch (Exception e) when (e is not RunFilesException)
        {
            await stream.DisposeAsync();
            throw new RunFilesException($"{path}: not a readable partner-quarter file ({e.Message})", e);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>The quarter's rows, sorted by partner id.</summary>
    public async Task<PartnerQuarterRows> ReadQuarterAsync(int quarterIndex)
    {
        var ids = new List<long>();
        var bands = new List<string>();
        var tiers = new List<string>();
        var paid = new List<double>();
        string label = "";
        if (_groups.TryGetValue(quarterIndex, out var groups))
            foreach (var g in groups)
            {
                using var group = _reader.OpenRowGroupReader(g);
                var index = await ParquetColumns.Integers(group, Field("quarter_index"));
                var id = await ParquetColumns.Integers(group, Field("partner_id"));
                var quarter = await ParquetColumns.Text(group, Field("quarter"));
                var band = await ParquetColumns.Text(group, Field("main_band"));
                var tier = await ParquetColumns.Text(group, Field("legacy_tier"));
                var cpi = await ParquetColumns.Numbers(group, Field("cpi_paid_usd"));
                for (int r = 0; r < index.Length; r++)
                {
                    if (index[r] != quarterIndex) continue;
                    ids.Add(id[r]);
                    bands.Add(band[r] ?? "");
                    tiers.Add(tier[r] ?? "");
                    paid.Add(cpi[r] ?? 0);
                    label = quarter[r] ?? label;
                }
            }
        var order = Enumerable.Range(0, ids.Count).ToArray();
        Array.Sort(ids.ToArray(), order);
        return new PartnerQuarterRows(label,
            [.. order.Select(i => ids[i])], [.. order.Select(i => bands[i])], [.. order.Select(i => tiers[i])], [.. order.Select(i => paid[i])]);
    }

    private Parquet.Schema.DataField Field(string name) => ParquetColumns.Field(_reader, name, _path);

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _stream.DisposeAsync();
    }
}

/// <summary>A quarter of the partner-quarter detail, sorted by partner id: main band, legacy tier and CPI paid.</summary>
public sealed record PartnerQuarterRows(string Quarter, long[] PartnerIds, string[] MainBands, string[] LegacyTiers, double[] CpiPaidUsd);
