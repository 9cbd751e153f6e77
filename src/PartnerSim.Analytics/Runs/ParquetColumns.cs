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
        if (type == typeof(long)) return [.. (await Longs(group, field, n)).Select(v => (double?)v)];
        if (type == typeof(int)) return [.. (await Ints(group, field, n)).Select(v => (double?)v)];
        if (type != typeof(double)) throw new RunFilesException($"column '{field.Name}': expected numbers, found {type.Name}");
        if (field.IsNullable)
        {
            var nullable = new double?[n];
            await group.ReadAsync<double>(field, nullable.AsMemory());
            return nullable;
        }
        var plain = new double[n];
        await group.ReadAsync<double>(field, plain.AsMemory());
        return [.. plain.Select(v => (double?)v)];
    }

    public static async Task<long[]> Integers(ParquetRowGroupReader group, DataField field)
    {
        int n = (int)group.RowCount;
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(long)) return [.. (await Longs(group, field, n)).Select(v => v ?? 0)];
        if (type == typeof(int)) return [.. (await Ints(group, field, n)).Select(v => (long)(v ?? 0))];
        throw new RunFilesException($"column '{field.Name}': expected whole numbers, found {type.Name}");
    }

    private static async Task<long?[]> Longs(ParquetRowGroupReader group, DataField field, int n)
    {
        if (field.IsNullable)
        {
            var nullable = new long?[n];
            await group.ReadAsync<long>(field, nullable.AsMemory());
            return nullable;
        }
        var plain = new long[n];
        await group.ReadAsync<long>(field, plain.AsMemory());
        return [.. plain.Select(v => (long?)v)];
    }

    private static async Task<int?[]> Ints(ParquetRowGroupReader group, DataField field, int n)
    {
        if (field.IsNullable)
        {
            var nullable = new int?[n];
            await group.ReadAsync<int>(field, nullable.AsMemory());
            return nullable;
        }
        var plain = new int[n];
        await group.ReadAsync<int>(field, plain.AsMemory());
        return [.. plain.Select(v => (int?)v)];
    }
}
