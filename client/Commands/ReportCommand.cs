using System.CommandLine;
using PartnerSim.Analytics.Runs;
using PartnerSim.Inputs;
using PartnerSim.Runs.Output;

namespace PartnerSim.Cli.Commands;

/// <summary><c>partnersim report DIR</c>: rebuilds a run's charts and report.html from the files in its directory.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "run directory (summary.json, segments.parquet)" };
        var command = new Command("report", "Rebuild a run's charts (plots/) and report.html from its files") { dir };
        command.SetAction((p, _) =>
        {
            var path = p.GetValue(dir)!;
            int charts;
            try { charts = ReportOutputs.Rebuild(path); }
            catch (RunFilesException e) { throw new BadInputException(e.Message); }
            Console.WriteLine($"wrote {Path.Combine(path, "report.html")} and {charts} charts in {Path.Combine(path, "plots")}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
