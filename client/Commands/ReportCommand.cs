using System.CommandLine;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Analytics.Runs;
using PartnerSim.Inputs;
using PartnerSim.Runs.Output;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim report DIR</c>: rebuilds a run's charts and report.html from the files in its directory, or an
/// experiment's report.html (its summary.json names an experiment) from its summary.json and charts.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "run directory (summary.json, segments.parquet) or experiment directory (summary.json, charts/)" };
        var command = new Command("report", "Rebuild a run's charts (plots/) and report.html, or an experiment's report.html, from its files") { dir };
        command.SetAction((p, _) =>
        {
            var path = p.GetValue(dir)!;
            bool experiment = ExperimentFiles.IsExperimentDirectory(path);
            int charts;
            try { charts = experiment ? ReportOutputs.RebuildExperiment(path) : ReportOutputs.Rebuild(path); }
            catch (RunFilesException e) { throw new BadInputException(e.Message); }
            Console.WriteLine(experiment
                ? $"wrote {Path.Combine(path, "report.html")} with the {charts} charts in {Path.Combine(path, ExperimentChart.Folder)}"
                : $"wrote {Path.Combine(path, "report.html")} and {charts} charts in {Path.Combine(path, "plots")}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
