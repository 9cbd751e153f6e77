using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Reports;

namespace PartnerSim.Runs.Output;

/// <summary>A run's output directory, written whole or not at all (<see cref="AtomicOutput"/>).</summary>
public static class RunOutputs
{
    public static void Write(string target, RunReport report) => AtomicOutput.WriteDirectory(target, dir =>
    {
        using (var f = File.Create(Path.Combine(dir, "summary.json"))) SummaryJson.Write(f, report);
        using (var f = File.CreateText(Path.Combine(dir, "quarters.csv"))) QuartersCsv.Write(f, report);
        using (var f = File.Create(Path.Combine(dir, "quarters.parquet"))) QuartersParquet.Write(f, report).GetAwaiter().GetResult();
        RunPlots.WriteRebates(report, Path.Combine(dir, "rebates.png"));
        RunPlots.WritePviDistribution(report, Path.Combine(dir, "pvi.png"));
    });
}
