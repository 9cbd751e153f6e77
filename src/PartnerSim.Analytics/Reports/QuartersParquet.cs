using Parquet.Serialization;

namespace PartnerSim.Analytics.Reports;

/// <summary>The quarter rows as Parquet (Parquet.Net), for pandas, polars, DuckDB and Spark.</summary>
public static class QuartersParquet
{
    public static Task Write(Stream stream, RunReport r) => ParquetSerializer.SerializeAsync(QuarterRow.Of(r), stream);

    public static async Task<IReadOnlyList<QuarterRow>> Read(Stream stream) => (await ParquetSerializer.DeserializeAsync<QuarterRow>(stream)).Data.ToList();
}
