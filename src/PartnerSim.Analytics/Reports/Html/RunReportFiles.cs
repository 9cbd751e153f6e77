using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>Writes a run's charts (plots/) and report.html into a directory, from the run's files.</summary>
public static class RunReportFiles
{
    public static IReadOnlyList<DrawnChart> Write(RunFiles files, string dir)
    {
        var charts = RunCharts.Write(files, dir);
        File.WriteAllText(Path.Combine(dir, RunReportPage.FileName), RunReportPage.Build(files, charts));
        return charts;
    }
}
