namespace PartnerSim.Analytics.Reports.Html;

/// <summary>A table of a report: a caption, column headers and rows of cells; numbers are set right-aligned.</summary>
public sealed class HtmlTable(string caption, params string[] headers)
{
    private readonly List<(string Text, bool Numeric)[]> _rows = [];

    public string Caption { get; } = caption;
    public IReadOnlyList<string> Headers { get; } = headers;
    public IReadOnlyList<(string Text, bool Numeric)[]> Rows => _rows;
    /// <summary>An optional line under the table (what its figures mean).</summary>
    public string? Note { get; init; }

    /// <summary>Adds a row: the first cell is a label; of the rest, those that read as figures ($1.2M, −3, 4.5%, –) are set as numbers.</summary>
    public HtmlTable Row(params string[] cells)
    {
        if (cells.Length != Headers.Count) throw new ArgumentException($"{cells.Length} cells for {Headers.Count} columns", nameof(cells));
        _rows.Add([.. cells.Select((c, i) => (c, i > 0 && IsFigure(c)))]);
        return this;
    }

    private static bool IsFigure(string cell) =>
        cell == Display.Missing || System.Text.RegularExpressions.Regex.IsMatch(cell, @"^[+−-]?\$?[0-9]");

    /// <summary>Adds a row of text cells (nothing right-aligned).</summary>
    public HtmlTable TextRow(params string[] cells)
    {
        if (cells.Length != Headers.Count) throw new ArgumentException($"{cells.Length} cells for {Headers.Count} columns", nameof(cells));
        _rows.Add([.. cells.Select(c => (c, false))]);
        return this;
    }
}
