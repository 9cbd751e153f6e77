using Parquet;
using Parquet.Schema;

namespace PartnerSim.Analytics.Tables;

/// <summary>
/// A <see cref="Table"/> as Parquet (Parquet.Net), one row group: text as UTF-8 strings, counts as int64, money,
/// PVI and shares as float64 (exact to the cent for any realistic amount). Each column's description is kept in the
/// file's key-value metadata as <c>description:NAME</c>.
/// </summary>
public static class TableParquet
{
    public static async Task Write(Stream stream, Table table)
    {
        var fields = table.Columns.Select(Field).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        writer.CustomMetadata = table.Columns.ToDictionary(c => "description:" + c.Name, c => c.Description);
        using var group = writer.CreateRowGroup();
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            switch (table.Columns[i])
            {
                case TableColumn<string> t: await group.WriteAsync(field, t.Values); break;
                case TableColumn<bool> b: await group.WriteAsync<bool>(field, b.Values.ToArray()); break;
                case TableColumn<long> l: await group.WriteAsync<long>(field, l.Values.ToArray()); break;
                case TableColumn<double?> r: await group.WriteAsync<double>(field, r.Values.ToArray()); break;
                case TableColumn<decimal?> { Kind: ColumnKind.Count } n:
                    await group.WriteAsync<long>(field, n.Values.Select(v => v is { } x ? (long)x : 0).ToArray()); break;
                case TableColumn<decimal?> d:
                    await group.WriteAsync<double>(field, d.Values.Select(v => v is { } x ? (double?)(double)x : null).ToArray()); break;
            }
        }
    }

    private static DataField Field(TableColumn c) => c.Kind switch
    {
        ColumnKind.Text => new DataField<string>(c.Name),
        ColumnKind.Flag => new DataField<bool>(c.Name),
        ColumnKind.Integer or ColumnKind.Count => new DataField<long>(c.Name),
        _ => new DataField<double?>(c.Name),
    };
}
