using Parquet;
using Parquet.Schema;
using PartnerSim.Model.Engine;

namespace PartnerSim.Analytics.Detail;

/// <summary>
/// Writes <c>partner-quarters.parquet</c> while the run goes: the engines record each chosen partner's outcome at its
/// place in the quarter's rows (so the file is in id order whatever the order of arrival), and each finished quarter
/// becomes one row group, written in the background while the next quarter runs. Two quarters of rows are held at
/// most, so memory stays flat in the number of quarters.
/// </summary>
public sealed class PartnerQuarterFile : IOutcomeObserver, IAsyncDisposable
{
    public const string FileName = "partner-quarters.parquet";

    private readonly RuleBook _rules;
    private readonly IReadOnlyList<DetailColumn> _columns;
    private readonly int[] _rowOf;           // position → row, −1 when the partner is not recorded
    private readonly Stream _stream;
    private ParquetWriter? _writer;
    private DetailRows _filling, _spare;
    private Task _writing = Task.CompletedTask;

    /// <param name="positions">The positions recorded, ascending (every position for all).</param>
    public PartnerQuarterFile(Stream stream, RuleBook rules, int partners, IReadOnlyList<int> positions)
    {
        _stream = stream;
        _rules = rules;
        _columns = DetailColumns.For(rules.Options.Population.FatMiddle);
        _rowOf = new int[partners];
        Array.Fill(_rowOf, -1);
        for (int row = 0; row < positions.Count; row++) _rowOf[positions[row]] = row;
        Rows = positions.Count;
        _filling = new DetailRows(Rows);
        _spare = new DetailRows(Rows);
    }

    /// <summary>Partners recorded each quarter.</summary>
    public int Rows { get; }

    public IReadOnlyList<DetailColumn> Columns => _columns;

    public bool Records(int position) => _rowOf[position] >= 0;

    public void Record(int quarter, int position, long partnerId, in PartnerOutcome outcome)
    {
        int row = _rowOf[position];
        _filling.Ids[row] = partnerId;
        _filling.Outcomes[row] = outcome;
    }

    public void QuarterDone(int quarter)
    {
        // One quarter is written while the next is recorded; a writer that falls behind holds the run up here.
        _writing.GetAwaiter().GetResult();
        var rows = _filling;
        rows.Quarter = quarter;
        rows.QuarterLabel = _rules.QuarterAt(quarter).ToString();
        (_filling, _spare) = (_spare, rows);
        _writing = Task.Run(() => WriteQuarter(rows));
    }

    private async Task WriteQuarter(DetailRows rows)
    {
        _writer ??= await Open();
        using var group = _writer.CreateRowGroup();
        foreach (var column in _columns) await column.Write(group, rows);
    }

    private async Task<ParquetWriter> Open()
    {
        // Uncompressed: compressing a quarter's rows costs more than the rule engine's whole step of them. Label columns
        // are dictionary-encoded, which Parquet.Net does only when told: a sixth of the bytes, and faster to write.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.None };
        foreach (var column in _columns.OfType<DetailLabelColumn>()) options.ColumnEncodingHints[column.Name] = EncodingHint.Dictionary;
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray()), _stream, options);
        writer.CustomMetadata = _columns.ToDictionary(c => "description:" + c.Name, c => c.Description);
        return writer;
    }

    /// <summary>Waits for the last quarter to be written and finishes the file.</summary>
    public async Task Complete()
    {
        await _writing;
        _writer ??= await Open();
        await _writer.DisposeAsync();
        _writer = null;
        await _stream.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try { await _writing; } catch { /* the run is being abandoned; its error is reported by whoever abandoned it */ }
        if (_writer is not null) await _writer.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
