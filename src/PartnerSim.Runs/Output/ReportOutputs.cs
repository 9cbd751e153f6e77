using PartnerSim.Analytics.Compare;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Analytics.Reports.Html;
using PartnerSim.Analytics.Runs;

namespace PartnerSim.Runs.Output;

/// <summary>
/// The report commands' output: a run's or an experiment's report rebuilt in place, and a comparison of two runs, each written whole or
/// not at all. The files are read before anything is written, so bad input leaves everything as it was.
/// </summary>
public static class ReportOutputs
{
    /// <summary>Rebuilds plots/ and report.html of a run directory from its files; returns the number of charts.</summary>
    public static int Rebuild(string runDir)
    {
        var files = RunFiles.Load(runDir);
        var full = Path.GetFullPath(runDir);
        var temp = Path.Combine(full, $".report.tmp-{Environment.ProcessId}");
        var old = Path.Combine(full, $".plots.old-{Environment.ProcessId}");
        var plots = Path.Combine(full, Analytics.Plots.DrawnChart.Folder);
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        try
        {
            var charts = RunReportFiles.Write(files, temp);
            if (Directory.Exists(plots)) Directory.Move(plots, old);
            Directory.Move(Path.Combine(temp, Analytics.Plots.DrawnChart.Folder), plots);
            File.Move(Path.Combine(temp, RunReportPage.FileName), Path.Combine(full, RunReportPage.FileName), overwrite: true);
            return charts.Count;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>
    /// Rebuilds report.html of an experiment directory from its summary.json and the charts in charts/ (which it embeds
    /// as they are); returns the number of charts. The file is replaced whole or not at all.
    /// </summary>
    public static int RebuildExperiment(string experimentDir)
    {
        var files = ExperimentFiles.Load(experimentDir);
        var html = System.Text.Encoding.UTF8.GetBytes(ExperimentReportPage.Build(files));
        AtomicOutput.WriteFile(Path.Combine(experimentDir, ExperimentReportPage.FileName), stream => stream.Write(html));
        return files.Charts.Count;
    }

    /// <summary>Writes the comparison of two sides into <paramref name="target"/>.</summary>
    public static void WriteComparison(string target, RunComparison comparison) =>
        AtomicOutput.WriteDirectory(target, dir => CompareFiles.Write(comparison, dir));
}
