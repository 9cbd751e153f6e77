using System.Globalization;
using nietras.SeparatedValues;

namespace PartnerSim.Inputs.Csv;

/// <summary>
/// Streams a header-first CSV file row by row, so a million-row roster is read without holding its text. The
/// file is RFC 4180 (read by Sep): a quoted field may hold commas, doubled quotes and line breaks; LF or CRLF
/// line ends, a byte order mark and blank rows (a spreadsheet's trailing empty line) are accepted. Column names
/// match trimmed and case-insensitively; a column no reader asks for (a spreadsheet's <c>name</c>, say) is ignored.
/// Line numbers are those of the file, where a row starts, even when quoted fields span lines.
/// </summary>
public sealed class CsvRows : IDisposable
{
    /// <summary>Far above any roster row (a few hundred characters); see <see cref="RowBoundedReader"/>.</summary>
    public const int MaxRowChars = 1 << 20;

    private readonly RowBoundedReader _source;
    private readonly SepReader _reader;
    private readonly Dictionary<string, int> _columns = new();
    private readonly int _headerLine;
    private readonly int _width;
    private int _nextLine = 1;
    private string[] _fields = [];

    public string File { get; }
    public int Line { get; private set; }

    private CsvRows(string file, TextReader text)
    {
        File = file;
        _source = new RowBoundedReader(text, MaxRowChars,
            () => new CsvInputException(File, _nextLine, "row", $"longer than {MaxRowChars} characters (a quote that is never closed?)"));
        try
        {
            _reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(_source);
            if (!Next(header: true)) throw new CsvInputException(file, 1, "header", "the file is empty");
        }
        catch
        {
            _source.Dispose();
            throw;
        }
        _headerLine = Line;
        _width = _fields.Length;
        for (int i = 0; i < _fields.Length; i++)
        {
            var name = (i == 0 ? _fields[i].TrimStart('\uFEFF') : _fields[i]).ToLowerInvariant();
            if (name.Length == 0) continue; // an unnamed column, e.g. a spreadsheet's trailing empty one
            if (double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && name.Any(char.IsAsciiDigit))
                throw new CsvInputException(file, Line, "header",
                    $"no header row: the first row holds the value '{Shown(_fields[i])}' where a column name belongs; the file must start with a row naming its columns");
            if (!_columns.TryAdd(name, i))
                throw new CsvInputException(file, Line, Shown(name), "column appears twice in the header");
        }
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
        if (missing.Count == columns.Length && missing.Count > 0)
            throw new CsvInputException(File, _headerLine, "header",
                $"the first row names none of the columns (no header row?); missing column(s): {string.Join(", ", missing)}");
        if (missing.Count > 0)
            throw new CsvInputException(File, _headerLine, "header", $"missing column(s): {string.Join(", ", missing)}");
    }

    /// <summary>Moves to the next non-blank row; false at the end.</summary>
    public bool Next() => Next(header: false);

    private bool Next(bool header)
    {
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            _source.RowReturned();
            // Sep 0.18 gives the first row's LineNumberFrom as its LineNumberToExcl; every later row's is right.
            Line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            _nextLine = row.LineNumberToExcl;
            // Quotes pair up, so a row can only hold an odd number of them if the file ended inside a quote.
            if (row.Span.Count('"') % 2 == 1)
                throw new CsvInputException(File, Line, "row", "a quote (\") is opened and never closed");
            if (_fields.Length != row.ColCount) _fields = new string[row.ColCount];
            bool blank = true;
            for (int i = 0; i < row.ColCount; i++)
            {
                _fields[i] = row[i].ToString().Trim();
                blank &= _fields[i].Length == 0;
            }
            if (blank) continue;
            if (!header && _fields.Length != _width)
                throw new CsvInputException(File, Line, "row", $"has {_fields.Length} fields, the header has {_width}");
            return true;
        }
        return false;
    }

    public string Text(string column) => _fields[_columns[column]];

    public CsvInputException Error(string column, string message) => new(File, Line, column, message);

    public double Number(string column, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = Text(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw Error(column, $"'{Shown(text)}' is not a number");
        if (v < min || v > max) throw Error(column, $"{Shown(text)} is out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    public int Integer(string column, int min = 0, int max = int.MaxValue)
    {
        var text = Text(column);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw Error(column, $"'{Shown(text)}' is not a whole number");
        if (v < min || v > max) throw Error(column, $"{text} is out of range [{min}, {max}]");
        return v;
    }

    public long Id(string column)
    {
        var text = Text(column);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < 0)
            throw Error(column, $"'{Shown(text)}' is not a non-negative integer id");
        return v;
    }

    public bool Flag(string column) => Text(column).ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" or "" => false,
        var t => throw Error(column, $"'{Shown(t)}' is not true/false"),
    };

    public TEnum Choice<TEnum>(string column) where TEnum : struct, Enum
    {
        var text = Text(column);
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(text, out _)) return v;
        throw Error(column, $"'{Shown(text)}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}");
    }

    /// <summary>
    /// A value as an error message quotes it: a field may be a mebibyte long and hold line breaks (quoted), the
    /// message is one short line.
    /// </summary>
    internal static string Shown(string text)
    {
        var shown = text.Length <= 60 ? text : text[..60] + $"… ({text.Length} characters)";
        return shown.Replace("\r", "\\r").Replace("\n", "\\n");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _source.Dispose();
    }
}
