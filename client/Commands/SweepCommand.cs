using System.CommandLine;
using PartnerSim.Analytics.Reports;
using PartnerSim.Cli.Output;
using PartnerSim.Inputs;
using PartnerSim.Runs.Output;
using PartnerSim.Runs.Sweeps;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim sweep SCENARIO.yaml --set key=v1,v2 … --seeds N --out sweep.csv</c>: runs every combination
/// of the given values (and seeds) on the in-process engine and writes one CSV row per run.
/// </summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "base scenario YAML file" };
        var set = new Option<string[]>("--set")
        {
            Description = "a parameter and its values, e.g. rules.partnerThreshold=4,5,6 (repeatable: the grid is every combination)",
            AllowMultipleArgumentsPerToken = false,
        };
        var seeds = new Option<int>("--seeds") { Description = "seeds per variant: the scenario's seed and the next N-1", DefaultValueFactory = _ => 1 };
        var partners = new Option<int?>("--partners") { Description = "population size (overrides population.partners)" };
        var quarters = new Option<int?>("--quarters") { Description = "quarters to simulate (overrides run.quarters)" };
        var outFile = new Option<string>("--out") { Description = "CSV to write, one row per run", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but errors" };
        var command = new Command("sweep", "Run a scenario over a grid of parameter values and seeds; one CSV row per run")
        {
            scenario, set, seeds, partners, quarters, outFile, quiet,
        };
        command.SetAction(async (p, cancel) =>
        {
            var path = p.GetValue(scenario)!;
            if (!File.Exists(path)) throw new BadInputException($"{path}: scenario file not found");
            var grid = new SweepGrid(path, (p.GetValue(set) ?? []).Select(Axis.Parse).ToList());
            int seedCount = p.GetValue(seeds);
            var terminal = new Terminal(p.GetValue(quiet), Json: false);
            var runs = await terminal.WithProgress("sweep", Sweep.Count(grid, Math.Max(seedCount, 1)), progress =>
                Task.Run(() => Sweep.Run(grid, seedCount, p.GetValue(partners), p.GetValue(quarters), progress, cancel), cancel));

            AtomicOutput.WriteFile(p.GetValue(outFile)!, stream =>
            {
                using var w = new StreamWriter(stream);
                SweepCsv.Write(w, grid.Axes.Select(a => a.Key).ToList(), runs.Select(run => ((IReadOnlyList<string>)run.Values, run.Report)));
            });
            if (!p.GetValue(quiet))
                Console.WriteLine($"{runs.Count} runs ({runs.Count / seedCount} variants × {seedCount} seeds) -> {p.GetValue(outFile)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
