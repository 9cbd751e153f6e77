using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// An experiment directory read back: its summary.json and the charts of charts/ (<see cref="ExperimentChart.All"/>),
/// the one source of its report, whether the report is written with the results or later by <c>partnersim report DIR</c>.
/// </summary>
public sealed record ExperimentFiles(string Directory, ExperimentSummary Summary, IReadOnlyList<(ExperimentChart Chart, DrawnChart Drawn)> Charts)
{
    public const string SummaryFile = "summary.json", RunsFile = "experiment.parquet";

    /// <summary>
    /// Whether a directory holds an experiment's results: its summary.json names an experiment, or, where summary.json
    /// cannot be read, the directory holds the experiment's runs (so its error is reported as an experiment's).
    /// </summary>
    public static bool IsExperimentDirectory(string dir)
    {
        var summary = Path.Combine(dir, SummaryFile);
        return File.Exists(summary) && (ExperimentSummary.NamesAnExperiment(summary) || File.Exists(Path.Combine(dir, RunsFile)));
    }

    /// <summary>Reads an experiment directory; a missing or unreadable file is a <see cref="RunFilesException"/> naming it.</summary>
    public static ExperimentFiles Load(string dir)
    {
        if (!System.IO.Directory.Exists(dir)) throw new RunFilesException($"{dir}: no such directory");
        var summaryPath = Path.Combine(dir, SummaryFile);
        if (!File.Exists(summaryPath)) throw new RunFilesException($"{summaryPath}: not found (not an experiment directory)");
        var summary = ExperimentSummary.Read(summaryPath);
        var charts = ExperimentChart.All([.. summary.Outputs.Select(o => o.Name)], [.. summary.Factors.Select(f => f.Key)], summary.Method)
            .Select(chart =>
            {
                var png = Path.Combine(dir, ExperimentChart.Folder, chart.Id + ".png");
                if (!File.Exists(png)) throw new RunFilesException($"{png}: not found (the experiment's charts are incomplete)");
                return (chart, new DrawnChart(chart.Id, chart.Title, chart.Caption, File.ReadAllBytes(png), png, Path.ChangeExtension(png, ".svg")));
            }).ToList();
        return new ExperimentFiles(dir, summary, charts);
    }
}
