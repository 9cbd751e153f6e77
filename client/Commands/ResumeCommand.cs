using System.CommandLine;
using PartnerSim.Cli.Output;
using PartnerSim.Cli.Signals;
using PartnerSim.Runs;
using PartnerSim.Runs.Durable;
using PartnerSim.Runs.Output;
using PartnerSim.Silo;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim resume RUN_ID --connect CS</c> (or <c>--postgres CS</c>): continues a run on PostgreSQL from its
/// last durable quarter and writes its outputs as the run would have.
/// </summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var runId = new Argument<string>("run-id") { Description = "the run to continue (`partnersim runs` lists them)" };
        var postgres = new Option<string?>("--postgres") { Description = "continue on an in-process silo of this PostgreSQL database (Npgsql connection string)" };
        var connect = new Option<string?>("--connect") { Description = "continue on a running cluster of this PostgreSQL database, as a client" };
        var clusterId = new Option<string>("--cluster-id") { Description = "cluster id", DefaultValueFactory = _ => ClusterSilo.DefaultClusterId };
        var outDir = new Option<string?>("--out") { Description = "output directory (default out/<scenario name>)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but errors" };
        var json = new Option<bool>("--json") { Description = "print summary.json to standard output instead of tables" };

        var command = new Command("resume", "Continue a run on PostgreSQL from its last durable quarter")
        {
            runId, postgres, connect, clusterId, outDir, quiet, json,
        };
        command.SetAction((p, cancel) =>
        {
            var stage = new CommandStage();
            return stage.Run(async () =>
            {
                var id = p.GetValue(runId)!;
                var terminal = new Terminal(p.GetValue(quiet), p.GetValue(json));
                var settings = new RunSettings
                {
                    Postgres = p.GetValue(postgres),
                    Connect = p.GetValue(connect),
                    ClusterId = p.GetValue(clusterId)!,
                }.Validated();
                if (settings.Host.Database is null) throw new Inputs.BadInputException("resume: give the run's database with --connect or --postgres");
                // The bar counts per cent of the run's quarters: how many it has is known once the journal is read.
                var report = await terminal.WithProgress($"resuming {id}", 100, progress => RunResumer.Resume(id, settings, phase =>
                {
                    stage.Enter(phase);
                    progress(phase.ToString(), 100 * phase.QuartersDone / Math.Max(phase.Quarters, 1));
                }, cancel));
                var target = p.GetValue(outDir) ?? Path.Combine("out", report.Rules.Options.Run.Name);
                using var output = OutputDirectory.Begin(target);
                RunDirectory.Commit(output, report, stage, cancel);
                ReportOutput.Show(terminal, report, target);
                return ExitCodes.Ok;
            }, cancel);
        });
        return command;
    }
}
