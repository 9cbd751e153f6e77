using System.Globalization;

namespace PartnerSim.Inputs.Csv;

/// <summary>
/// Streams a header-first CSV file row by row (no quoting: the roster formats hold numbers and
/// identifiers only), so a million-row roster is read without holding its text.
/// </summary>
public sealed class CsvRows : IDisposable
{
    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns;
    private string[] _fields = [];

    public string File { get; }
    public int Line { get; private set; }

    private CsvRows(string file, TextReader reader)
    {
        File = file;
        _reader = reader;
        var header = reader.ReadLine() ?? throw new CsvInputException(file, 1, "header", "the file is empty");
        Line = 1;
        _columns = new Dictionary<string, int>();
        foreach (var (name, i) in header.Split(',').Select((name, i) => (name.Trim().ToLowerInvariant(), i)))
            if (!_columns.TryAdd(name, i))
                throw new CsvInputException(file, 1, name, "column appears twice in the header");
    }

    public static CsvRows Open(string path)
    {
        try { return new CsvRows(path, new StreamReader(path)); }
        catch (IOException e) { throw new CsvInputException(path, 0, "file", e.Message); }
        catch (UnauthorizedAccessException e) { throw new CsvInputException(path, 0, "file", e.Message); }
    }

    public static CsvRows FromText(string text, string name) => new(name, new StringReader(text));

    public bool Has(string column) => _columns.ContainsKey(column);

    public void Require(params string[] columns)
    {
        var missing = columns.Where(c => !_columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new CsvInputException(File, 1, "header", $"missing column(s): {string.Join(", ", missing)}");
    }

    /// <summary>Moves to the next non-blank row; false at the end.</summary>
    public bool Next()
    {
        while (_reader.ReadLine() is { } line)
        {
            Line++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            _fields = line.Split(',');
            if (_fields.Length != _columns.Count)
                throw new CsvInputException(File, Line, "row", $"has {_fields.Length} fields, the header has {_columns.Count}");
            return true;
        }
        return false;
    }

    public string Text(string column) => _fields[_columns[column]].Trim();

    public CsvInputException Error(string column, string message) => new(File, Line, column, message);

    public double Number(string column, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = Text(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw Error(column, $"'{text}' is not a number");
        if (v < min || v > max) throw Error(column, $"{text} is out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    public int Integer(string column, int min = 0, int max = int.MaxValue)
    {
        var text = Text(column);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw Error(column, $"'{text}' is not a whole number");
        if (v < min || v > max) throw Error(column, $"{text} is out of range [{min}, {max}]");
        return v;
    }

    public long Id(string column)
    {
        var text = Text(column);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < 0)
            throw Error(column, $"'{text}' is not a non-negative integer id");
        return v;
    }

    public bool Flag(string column) => Text(column).ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" or "" => false,
        var t => throw Error(column, $"'{t}' is not true/false"),
    };

    public TEnum Choice<TEnum>(string column) where TEnum : struct, Enum
    {
        var text = Text(column);
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(text, out _)) return v;
        throw Error(column, $"'{text}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}");
    }

    public void Dispose() => _reader.Dispose();
}
