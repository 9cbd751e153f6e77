using System.Globalization;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Tables;

/// <summary>
/// A small table of rows held by column, written as CSV (<see cref="TableCsv"/>) and Parquet
/// (<see cref="TableParquet"/>) from the same columns, so the two files always agree. For the quarter and segment
/// tables; the partner-quarter detail, which can hold millions of rows, streams through its own writer.
/// </summary>
public sealed class Table
{
    private readonly List<TableColumn> _columns = [];
    public IReadOnlyList<TableColumn> Columns => _columns;
    public int Rows { get; private set; }

    public TableColumn<string> Text(string name, string description) => Add(new TableColumn<string>(name, description, ColumnKind.Text));
    public TableColumn<bool> Flag(string name, string description) => Add(new TableColumn<bool>(name, description, ColumnKind.Flag));
    public TableColumn<long> Integer(string name, string description) => Add(new TableColumn<long>(name, description, ColumnKind.Integer));

    /// <summary>A real number that is not a figure of the registry (a factor's value): float64, null where absent.</summary>
    public TableColumn<double?> Real(string name, string description) => Add(new TableColumn<double?>(name, description, ColumnKind.Number));

    /// <summary>A figure: whole numbers for partners and deals, else a number with decimals; null where undefined.</summary>
    public TableColumn<decimal?> Figure(string name, FigureUnit unit, string description) =>
        Add(new TableColumn<decimal?>(name, description, unit is FigureUnit.Partners or FigureUnit.Deals ? ColumnKind.Count : ColumnKind.Number));

    private T Add<T>(T column) where T : TableColumn
    {
        if (Rows > 0) throw new InvalidOperationException("columns are declared before rows are added");
        if (_columns.Any(c => c.Name == column.Name)) throw new ArgumentException($"column '{column.Name}' appears twice");
        _columns.Add(column);
        return column;
    }

    /// <summary>Ends a row: every column must have been given its value.</summary>
    public void EndRow()
    {
        Rows++;
        foreach (var c in _columns)
            if (c.Count != Rows) throw new InvalidOperationException($"column '{c.Name}' has {c.Count} values in row {Rows}");
    }
}

public enum ColumnKind { Text, Flag, Integer, Count, Number }

public abstract class TableColumn(string name, string description, ColumnKind kind)
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public ColumnKind Kind { get; } = kind;
    public abstract int Count { get; }
    /// <summary>The value as CSV text (invariant culture; empty when null).</summary>
    public abstract string Text(int row);
}

public sealed class TableColumn<T>(string name, string description, ColumnKind kind) : TableColumn(name, description, kind)
{
    public List<T> Values { get; } = [];
    public override int Count => Values.Count;
    public void Add(T value) => Values.Add(value);

    public override string Text(int row) => Values[row] switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };
}
