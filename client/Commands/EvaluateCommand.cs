using System.CommandLine;
using PartnerSim.Analytics.Reports;
using PartnerSim.Cli.Output;
using PartnerSim.Cli.Signals;
using PartnerSim.Inputs;
using PartnerSim.Runs;
using PartnerSim.Runs.Output;
using PartnerSim.Inputs.Csv;
using PartnerSim.Model.Options;
using PartnerSim.Inputs.Scenarios;
using PartnerSim.Model.Scoring;
using PartnerSim.Inputs.Rosters;

namespace PartnerSim.Cli.Commands;

/// <summary><c>partnersim evaluate ROSTER.csv --out SCORES.csv</c>: static PVI scoring, no time stepping.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var roster = new Argument<string>("roster") { Description = "CSV of metric values per partner and portfolio" };
        var scenario = new Option<string?>("--scenario") { Description = "scenario whose rules and switches to use (default: the rule book's defaults)" };
        var outFile = new Option<string>("--out") { Description = "scores CSV to write", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but errors" };
        var command = new Command("evaluate", "Score partners' PVI from a roster of metric values") { roster, scenario, outFile, quiet };
        command.SetAction((p, cancel) =>
        {
            var path = p.GetValue(roster)!;
            if (!File.Exists(path)) throw new BadInputException($"{path}: roster file not found");
            var options = p.GetValue(scenario) is { } s ? ScenarioLoader.Load(s) : new ScenarioOptions();
            var rules = new ScoringRules(options.Rules);
            // Score everything before writing: a bad row anywhere leaves no output file.
            List<ScoredRow> rows;
            using (var csv = CsvRows.Open(path)) rows = EvaluationRoster.Score(csv, rules).Until(cancel).ToList();
            var target = p.GetValue(outFile)!;
            AtomicOutput.WriteFile(target, stream =>
            {
                using var w = new StreamWriter(stream);
                ScoresCsv.Write(w, rows.Until(cancel));
            });
            if (!p.GetValue(quiet)) Console.WriteLine($"scored {rows.Count} partner-portfolios -> {target}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
