using Parquet;
using Parquet.Schema;

namespace PartnerSim.Analytics.Runs;

/// <summary>
/// A row group's column as one plain array whatever its physical type: text, whole numbers (int32 or int64), numbers
/// (nullable or not) and flags, so readers need not care how a writer declared a column.
/// </summary>
internal static class ParquetColumns
{
    public static DataField Field(ParquetReader reader, string name, string file) =>
        reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == name) ?? throw new RunFilesException($"{file}: no column '{name}'");

    public static async Task<string?[]> Text(ParquetRowGroupReader group, DataField field)
    {
        var values = new string?[group.RowCount];
        await group.ReadAsync(field, values.AsMemory()!);
        return values;
    }

    public static async Task<double?[]> Numbers(ParquetRowGroupReader group, DataField field)
    {
        int n = (int)group.RowCount;
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(long)) return [.. (await Values<long>(group, field, n)).Select(v => (double?)v)];
        if (type == typeof(int)) return [.. (await Values<int>(group, field, n)).Select(v => (double?)v)];
        if (type != typeof(double)) throw new RunFilesException($"column '{field.Name}': expected numbers, found {type.Name}");
        return await Values<double>(group, field, n);
    }

    public static async Task<long[]> Integers(ParquetRowGroupReader group, DataField field)
    {
        int n = (int)group.RowCount;
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(long)) return [.. (await Values<long>(group, field, n)).Select(v => v ?? 0)];
        if (type == typeof(int)) return [.. (await Values<int>(group, field, n)).Select(v => (long)(v ?? 0))];
        throw new RunFilesException($"column '{field.Name}': expected whole numbers, found {type.Name}");
    }

    /// <summary>A column of a value type, whether the file declares it nullable or not.</summary>
    private static async Task<T?[]> Values<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[n];
            await group.ReadAsync<T>(field, nullable.AsMemory());
            return nullable;
        }
        var plain = new T[n];
        await group.ReadAsync<T>(field, plain.AsMemory());
        return [.. plain.Select(v => (T?)v)];
    }
}
