using PartnerSim.Analytics.Reports;
using PartnerSim.Analytics.Reports.Html;
using PartnerSim.Analytics.Runs;
using PartnerSim.Analytics.Tables;

namespace PartnerSim.Runs.Output;

/// <summary>A run's output files, written into its <see cref="OutputDirectory"/> (whole or not at all).</summary>
public static class RunOutputs
{
    /// <summary>Everything but the detail file, which the run itself streams into the directory.</summary>
    /// <param name="cancel">Checked before each file; the directory, left unfinished, is the caller's to delete.</param>
    /// <param name="writing">Called with each file's name before it is written.</param>
    public static void WriteFiles(string dir, RunReport report, CancellationToken cancel = default, Action<string>? writing = null)
    {
        void Write(string name, Action<string> write)
        {
            writing?.Invoke(name);
            cancel.ThrowIfCancellationRequested();
            write(Path.Combine(dir, name));
        }
        Write("summary.json", path => { using var f = File.Create(path); SummaryJson.Write(f, report); });
        WriteTable(Write, "quarters", QuarterSeries.Of(report));
        WriteTable(Write, "segments", SegmentSeries.Of(report));
        Write(RunReportPage.FileName, _ => RunReportFiles.Write(RunFiles.Load(dir), dir));
    }

    private static void WriteTable(Action<string, Action<string>> write, string name, Table table)
    {
        write(name + ".csv", path => { using var f = File.CreateText(path); TableCsv.Write(f, table); });
        write(name + ".parquet", path => { using var f = File.Create(path); TableParquet.Write(f, table).GetAwaiter().GetResult(); });
    }
}
