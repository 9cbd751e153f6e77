using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Reports;
using PartnerSim.Cli.Output;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Silo;
using Spectre.Console;

namespace PartnerSim.Cli.Commands;

/// <summary><c>partnersim run SCENARIO.yaml</c>: steps a population through the scenario's quarters.</summary>
public static class RunCommand
{
    public enum Engine { Grains, Inproc }

    private static int s_runs;

    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario YAML file" };
        var partners = new Option<int?>("--partners") { Description = "population size (overrides population.partners)" };
        var quarters = new Option<int?>("--quarters") { Description = "quarters to simulate (overrides run.quarters)" };
        var seed = new Option<ulong?>("--seed") { Description = "random seed (overrides run.seed)" };
        var outDir = new Option<string?>("--out") { Description = "output directory (default out/<scenario name>)" };
        var engine = new Option<Engine>("--engine") { Description = "grains (Orleans, default) or inproc (plain parallel loop, same digest)", DefaultValueFactory = _ => Engine.Grains };
        var leafSize = new Option<int>("--leaf-size") { Description = "partners per leaf cohort grain (multiple of 1024)", DefaultValueFactory = _ => new CohortShape().LeafSize };
        var fanOut = new Option<int>("--fan-out") { Description = "children per inner cohort grain", DefaultValueFactory = _ => new CohortShape().FanOut };
        var checkpoint = new Option<int?>("--checkpoint-every") { Description = "write partner state to storage every N quarters (0: never; default 0 in memory, 1 with PostgreSQL)" };
        var postgres = new Option<string?>("--postgres") { Description = "run an in-process silo whose state and membership live in this PostgreSQL database (Npgsql connection string)" };
        var connect = new Option<string?>("--connect") { Description = "run on a running PostgreSQL-backed cluster (its database's connection string) as a client" };
        var clusterId = new Option<string>("--cluster-id") { Description = "cluster id with --postgres / --connect", DefaultValueFactory = _ => ClusterSilo.DefaultClusterId };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing but errors" };
        var json = new Option<bool>("--json") { Description = "print summary.json to standard output instead of tables" };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "pass over bad roster rows with a counted warning instead of failing" };

        var command = new Command("run", "Run a scenario; write summary.json, quarters.csv and charts")
        {
            scenario, partners, quarters, seed, outDir, engine, leafSize, fanOut, checkpoint, postgres, connect, clusterId,
            quiet, json, skipBadRows,
        };
        command.SetAction(async (p, cancel) =>
        {
            var input = ScenarioInput.Load(p.GetValue(scenario)!, p.GetValue(partners), p.GetValue(quarters), p.GetValue(seed),
                p.GetValue(skipBadRows));
            var shape = new CohortShape { LeafSize = p.GetValue(leafSize), FanOut = p.GetValue(fanOut) };
            if (shape.Problem is { } problem) throw new BadInputException(problem);
            if (p.GetValue(checkpoint) < 0) throw new BadInputException("--checkpoint-every: must be 0 or more");
            if (p.GetValue(postgres) is not null && p.GetValue(connect) is not null)
                throw new BadInputException("--postgres and --connect: choose one");
            var host = GrainHost.For(p.GetValue(postgres), p.GetValue(connect), p.GetValue(clusterId)!);
            int checkpointEvery = p.GetValue(checkpoint) ?? (host.Durable ? 1 : 0);
            var terminal = new Terminal(p.GetValue(quiet), p.GetValue(json));
            var target = p.GetValue(outDir) ?? Path.Combine("out", input.Options.Run.Name);

            var clock = Stopwatch.StartNew();
            var result = await terminal.WithProgress("creating partners", input.Rules.Quarters, report =>
                p.GetValue(engine) == Engine.Inproc
                    ? Task.Run(() => EngineLoop.Run(input.Rules, input.Source,
                        quarterDone: q => report($"quarter {input.Rules.QuarterAt(q)}", q + 1), cancel: cancel), cancel)
                    : RunOnGrains(host, input, shape, checkpointEvery, report));
            var runReport = new RunReport(input.Rules, result, p.GetValue(engine).ToString().ToLowerInvariant(),
                clock.Elapsed.TotalSeconds, input.TopBookingsShare);

            AtomicOutput.WriteDirectory(target, dir =>
            {
                using (var f = File.Create(Path.Combine(dir, "summary.json"))) SummaryJson.Write(f, runReport);
                using (var f = File.CreateText(Path.Combine(dir, "quarters.csv"))) QuartersCsv.Write(f, runReport);
                using (var f = File.Create(Path.Combine(dir, "quarters.parquet"))) QuartersParquet.Write(f, runReport).GetAwaiter().GetResult();
                RunPlots.WriteRebates(runReport, Path.Combine(dir, "rebates.png"));
                RunPlots.WritePviDistribution(runReport, Path.Combine(dir, "pvi.png"));
            });
            if (terminal.Json)
            {
                using var stdout = Console.OpenStandardOutput();
                SummaryJson.Write(stdout, runReport);
                Console.WriteLine();
            }
            else if (terminal.ShowTables) Headline.Print(runReport, target);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Where the grains run: an embedded in-memory silo, an embedded PostgreSQL-backed silo, or a cluster.</summary>
    private sealed record GrainHost(Func<IHost> Build, bool Durable)
    {
        public static GrainHost For(string? postgres, string? connect, string clusterId) =>
            postgres is not null
                ? new GrainHost(() => ClusterSilo.Build(new SiloHostOptions { Postgres = postgres, ClusterId = clusterId, ServiceId = clusterId }), true)
                : connect is not null
                    ? new GrainHost(() => ClusterClient.BuildClient(connect, clusterId), true)
                    : new GrainHost(() => EmbeddedSilo.Build(), false);
    }

    private static async Task<RunResult> RunOnGrains(GrainHost grainHost, ScenarioInput input, CohortShape shape, int checkpointEvery,
        Action<string, int> report)
    {
        using var host = grainHost.Build();
        await host.StartAsync();
        try
        {
            var driver = new QuarterDriver(host.Services.GetRequiredService<IGrainFactory>());
            string runKey = $"{input.Options.Run.Name}/{input.Options.Run.Seed}/{Environment.ProcessId}/{Interlocked.Increment(ref s_runs)}";
            return await driver.Run(input.Options, runKey, input.Roster, shape, checkpointEvery, (phase, q, total) =>
                report(phase switch
                {
                    QuarterDriver.Phase.Creating => "creating partners",
                    QuarterDriver.Phase.Stepping => $"quarter {input.Rules.QuarterAt(q)}",
                    _ => "digest",
                }, q));
        }
        finally
        {
            // The in-memory silo's state dies with the process anyway, and partners save nothing on deactivation,
            // so it need not deactivate a million grains one by one: a quarter second, then the stop is cut short.
            // A PostgreSQL silo leaves the cluster gracefully (its membership row says so).
            using var grace = new CancellationTokenSource(grainHost.Durable ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(0.25));
            await host.StopAsync(grace.Token);
        }
    }
}
