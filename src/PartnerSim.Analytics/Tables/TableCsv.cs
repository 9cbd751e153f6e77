using nietras.SeparatedValues;

namespace PartnerSim.Analytics.Tables;

/// <summary>A <see cref="Table"/> as RFC 4180 CSV (Sep, quoting where a value needs it).</summary>
public static class TableCsv
{
    public static void Write(TextWriter text, Table table)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text);
        for (int r = 0; r < table.Rows; r++)
        {
            using var row = writer.NewRow();
            foreach (var c in table.Columns) row[c.Name].Set(c.Text(r));
        }
        if (table.Rows == 0) text.WriteLine(string.Join(',', table.Columns.Select(c => c.Name)));
    }
}
