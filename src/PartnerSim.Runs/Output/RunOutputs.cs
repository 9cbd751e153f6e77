using PartnerSim.Analytics.Reports;
using PartnerSim.Analytics.Reports.Html;
using PartnerSim.Analytics.Runs;
using PartnerSim.Analytics.Tables;

namespace PartnerSim.Runs.Output;

/// <summary>A run's output directory, written whole or not at all (<see cref="AtomicOutput"/>).</summary>
public static class RunOutputs
{
    public static void Write(string target, RunReport report) => AtomicOutput.WriteDirectory(target, dir =>
    {
        using (var f = File.Create(Path.Combine(dir, "summary.json"))) SummaryJson.Write(f, report);
        WriteTable(dir, "quarters", QuarterSeries.Of(report));
        WriteTable(dir, "segments", SegmentSeries.Of(report));
        RunReportFiles.Write(RunFiles.Load(dir), dir);
    });

    private static void WriteTable(string dir, string name, Table table)
    {
        using (var f = File.CreateText(Path.Combine(dir, name + ".csv"))) TableCsv.Write(f, table);
        using (var f = File.Create(Path.Combine(dir, name + ".parquet"))) TableParquet.Write(f, table).GetAwaiter().GetResult();
    }
}
