using DuckDB.NET.Data;

namespace PartnerSim.Tests.Support;

/// <summary>
/// DuckDB, in process: an independent reader of the Parquet files PartnerSim writes (its own Parquet reader, not
/// Parquet.Net), as an analyst's tools would open them.
/// </summary>
internal static class DuckDb
{
    /// <summary>Runs a query; rows as column name → value (DBNull as null).</summary>
    public static List<Dictionary<string, object?>> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (int i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A path as a SQL string literal.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''") + "'";
}
