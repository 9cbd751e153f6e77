using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Reports;
using PartnerSim.Analytics.Tables;

namespace PartnerSim.Runs.Output;

/// <summary>A run's output files, written into its <see cref="OutputDirectory"/> (whole or not at all).</summary>
public static class RunOutputs
{
    public static void Write(string target, RunReport report) => AtomicOutput.WriteDirectory(target, dir => WriteFiles(dir, report));

    /// <summary>Everything but the detail file, which the run itself streams into the directory.</summary>
    public static void WriteFiles(string dir, RunReport report)
    {
        using (var f = File.Create(Path.Combine(dir, "summary.json"))) SummaryJson.Write(f, report);
        WriteTable(dir, "quarters", QuarterSeries.Of(report));
        WriteTable(dir, "segments", SegmentSeries.Of(report));
        RunPlots.WriteRebates(report, Path.Combine(dir, "rebates.png"));
        RunPlots.WritePviDistribution(report, Path.Combine(dir, "pvi.png"));
    }

    private static void WriteTable(string dir, string name, Table table)
    {
        using (var f = File.CreateText(Path.Combine(dir, name + ".csv"))) TableCsv.Write(f, table);
        using (var f = File.Create(Path.Combine(dir, name + ".parquet"))) TableParquet.Write(f, table).GetAwaiter().GetResult();
    }
}
