using Parquet;
using Parquet.Schema;

namespace PartnerSim.Analytics.Detail;

/// <summary>A value of row <c>i</c> of one quarter's detail rows.</summary>
public delegate T RowValue<out T>(DetailRows rows, int i);

/// <summary>One column of the partner-quarter detail file, declared once in <see cref="DetailColumns"/>.</summary>
public abstract class DetailColumn(string name, string description)
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public abstract DataField Field { get; }

    /// <summary>Writes the column of one quarter's rows into a row group.</summary>
    internal abstract Task Write(ParquetRowGroupWriter group, DetailRows rows);
}

/// <summary>A number or yes/no column.</summary>
public sealed class DetailColumn<T>(string name, string description, RowValue<T> value) : DetailColumn(name, description)
    where T : struct
{
    public override DataField Field { get; } = new DataField<T>(name, false);

    internal override Task Write(ParquetRowGroupWriter group, DetailRows rows)
    {
        var values = new T[rows.Count];
        for (int i = 0; i < values.Length; i++) values[i] = value(rows, i);
        return group.WriteAsync<T>(Field, values);
    }
}

/// <summary>A text column from a small set of labels (a tier, a band, the quarter).</summary>
public sealed class DetailLabelColumn(string name, string description, RowValue<string> label) : DetailColumn(name, description)
{
    public override DataField Field { get; } = new DataField<string>(name, false);

    internal override Task Write(ParquetRowGroupWriter group, DetailRows rows)
    {
        var values = new string[rows.Count];
        for (int i = 0; i < values.Length; i++) values[i] = label(rows, i);
        return group.WriteAsync(Field, values);
    }
}
