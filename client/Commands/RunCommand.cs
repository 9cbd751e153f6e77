using System.CommandLine;
using PartnerSim.Cli.Output;
using PartnerSim.Cli.Signals;
using PartnerSim.Grains.Runs;
using PartnerSim.Inputs;
using PartnerSim.Model.Engine;
using PartnerSim.Runs;
using PartnerSim.Runs.Output;
using PartnerSim.Silo;

namespace PartnerSim.Cli.Commands;

/// <summary><c>partnersim run SCENARIO.yaml</c>: steps a population through the scenario's quarters.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario YAML file" };
        var partners = new Option<int?>("--partners") { Description = "population size (overrides population.partners)" };
        var quarters = new Option<int?>("--quarters") { Description = "quarters to simulate (overrides run.quarters)" };
        var seed = new Option<ulong?>("--seed") { Description = "random seed (overrides run.seed)" };
        var outDir = new Option<string?>("--out") { Description = "output directory (default out/<scenario name>)" };
        var engine = new Option<EngineKind>("--engine") { Description = "grains (Orleans, default) or inproc (plain parallel loop, same digest)", DefaultValueFactory = _ => EngineKind.Grains };
        var leafSize = new Option<int>("--leaf-size") { Description = "partners per leaf cohort grain (multiple of 1024)", DefaultValueFactory = _ => new CohortShape().LeafSize };
        var fanOut = new Option<int>("--fan-out") { Description = "children per inner cohort grain", DefaultValueFactory = _ => new CohortShape().FanOut };
        var checkpoint = new Option<int?>("--checkpoint-every") { Description = "write partner state to storage every N quarters (0: never; default 0 in memory, 1 with PostgreSQL)" };
        var postgres = new Option<string?>("--postgres") { Description = "run an in-process silo whose state and membership live in this PostgreSQL database (Npgsql connection string)" };
        var connect = new Option<string?>("--connect") { Description = "run on a running PostgreSQL-backed cluster (its database's connection string) as a client" };
        var clusterId = new Option<string>("--cluster-id") { Description = "cluster id with --postgres / --connect", DefaultValueFactory = _ => ClusterSilo.DefaultClusterId };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but errors" };
        var json = new Option<bool>("--json") { Description = "print summary.json to standard output instead of tables" };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "pass over bad roster rows with a counted warning instead of failing" };
        var detail = new Option<string?>("--detail")
        {
            Description = $"partners recorded in partner-quarters.parquet: all, none or sample:N (default: all up to {DetailSelection.AllUpTo:N0} partners, none above)",
        };

        var command = new Command("run", "Run a scenario; write summary.json, quarters.csv and charts")
        {
            scenario, partners, quarters, seed, outDir, engine, leafSize, fanOut, checkpoint, postgres, connect, clusterId,
            quiet, json, skipBadRows, detail,
        };
        command.SetAction((p, cancel) =>
        {
            var stage = new CommandStage();
            return stage.Run(async () =>
            {
                stage.Enter("while reading the scenario");
                // On a thread of its own, so that a signal need not wait for a long roster to be read.
                var input = await Task.Run(() => ScenarioInput.Load(p.GetValue(scenario)!, p.GetValue(partners), p.GetValue(quarters),
                    p.GetValue(seed), p.GetValue(skipBadRows)), cancel).WaitAsync(cancel);
                Warnings.SkippedRows(input);
                var settings = new RunSettings
                {
                    Engine = p.GetValue(engine),
                    Shape = new CohortShape { LeafSize = p.GetValue(leafSize), FanOut = p.GetValue(fanOut) },
                    CheckpointEvery = p.GetValue(checkpoint),
                    Postgres = p.GetValue(postgres),
                    Connect = p.GetValue(connect),
                    ClusterId = p.GetValue(clusterId)!,
                    Detail = p.GetValue(detail) is { } d
                        ? DetailSelection.Parse(d) ?? throw new BadInputException($"--detail {d}: expected all, none or sample:N")
                        : null,
                }.Validated();
                var terminal = new Terminal(p.GetValue(quiet), p.GetValue(json));
                // A run on PostgreSQL is resumable by its id: said on standard error, before anything can go wrong.
                if (!terminal.Quiet) settings = settings with { Started = id => Console.Error.WriteLine($"run id {id}") };
                var target = p.GetValue(outDir) ?? Path.Combine("out", input.Options.Run.Name);

                using var output = OutputDirectory.Begin(target);
                var report = await terminal.WithProgress("creating partners", input.Rules.Quarters,
                    progress => Runner.Run(input, settings, phase =>
                    {
                        stage.Enter(phase);
                        progress(phase.ToString(), phase.QuartersDone);
                    }, cancel, output));
                RunDirectory.Commit(output, report, stage, cancel);
                ReportOutput.Show(terminal, report, target);
                return ExitCodes.Ok;
            }, cancel);
        });
        return command;
    }
}
