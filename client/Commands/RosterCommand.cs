using System.CommandLine;
using PartnerSim.Cli.Output;
using PartnerSim.Cli.Signals;
using PartnerSim.Inputs;
using PartnerSim.Runs;
using PartnerSim.Runs.Output;
using PartnerSim.Model.Options;
using PartnerSim.Inputs.Rosters;
using PartnerSim.Model.Random;

namespace PartnerSim.Cli.Commands;

/// <summary><c>partnersim roster export</c>: writes a generated population as an editable roster CSV.</summary>
public static class RosterCommand
{
    public static Command Create()
    {
        var partners = new Option<int?>("--partners") { Description = "population size (default: the scenario's)" };
        var seed = new Option<ulong?>("--seed") { Description = "random seed (default: the scenario's)" };
        var scenario = new Option<string?>("--scenario") { Description = "scenario whose population parameters to use (default: the rule book's)" };
        var outFile = new Option<string>("--out") { Description = "roster CSV to write", Required = true };
        var export = new Command("export", "Write a generated population as a roster CSV (loads back to the same partners)")
        {
            partners, seed, scenario, outFile,
        };
        export.SetAction((p, cancel) =>
        {
            var path = p.GetValue(scenario);
            var input = path is not null
                ? ScenarioInput.Load(path, p.GetValue(partners), null, p.GetValue(seed))
                : ScenarioInput.From(new ScenarioOptions(), p.GetValue(partners), null, p.GetValue(seed), skipBadRows: false);
            if (input.Roster is not null) throw new BadInputException($"{path}: the scenario already uses a roster; export needs a generated population");
            var source = input.Source;
            var rng = new CounterRandom(input.Options.Run.Seed);
            AtomicOutput.WriteFile(p.GetValue(outFile)!, stream =>
            {
                using var w = new StreamWriter(stream);
                RosterWriter.Write(w, Enumerable.Range(0, source.Count).Select(i => source.Create(i, rng)).Until(cancel));
            });
            return Task.FromResult(ExitCodes.Ok);
        });
        return new Command("roster", "Work with roster files") { export };
    }
}
