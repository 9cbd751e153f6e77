using System.CommandLine;
using PartnerSim.Inputs;
using PartnerSim.Runs.Chaos;
using PartnerSim.Runs.Cluster;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim chaos</c>: the failure drill (<see cref="ChaosDrill"/>). Prints each fault it injects and the recovery
/// time; exit code 0 when the run's digest and figures equal the in-process run's, 1 when they do not.
/// </summary>
public static class ChaosCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "scenario YAML file", DefaultValueFactory = _ => Path.Combine("scenarios", "cisco360-launch.yaml") };
        var partners = new Option<int?>("--partners") { Description = "population size", DefaultValueFactory = _ => 100_000 };
        var quarters = new Option<int?>("--quarters") { Description = "quarters to simulate (overrides run.quarters)" };
        var seed = new Option<ulong>("--seed") { Description = "seed of the fault schedule (which quarters, which silo, when)", DefaultValueFactory = _ => 1 };
        var silos = new Option<int>("--silos") { Description = "silo processes in the cluster", DefaultValueFactory = _ => 3 };
        var kills = new Option<int>("--silo-kills") { Description = "silos killed, each in its own quarter", DefaultValueFactory = _ => 2 };
        var outDir = new Option<string?>("--out") { Description = "keep the run's outputs here (default: a temporary directory, deleted)" };
        var command = new Command("chaos",
            "Failure drill: a private PostgreSQL and a silo cluster; kill silos, the client and PostgreSQL mid-run; check the digest")
        {
            scenario, partners, quarters, seed, silos, kills, outDir,
        };
        command.SetAction(async (p, _) =>
        {
            if (PostgresServer.BinDir is null) throw new BadInputException("chaos: PostgreSQL is not installed (initdb and pg_ctl are needed)");
            if (p.GetValue(silos) < 2) throw new BadInputException($"--silos: at least 2, so that one survives a kill (got {p.GetValue(silos)})");
            if (p.GetValue(kills) < 0) throw new BadInputException($"--silo-kills: 0 or more (got {p.GetValue(kills)})");
            var settings = new DrillSettings(p.GetValue(scenario)!, p.GetValue(partners), p.GetValue(quarters), p.GetValue(seed), p.GetValue(silos),
                p.GetValue(kills)) { Out = p.GetValue(outDir) };
            var report = await new ChaosDrill(settings, line => Console.WriteLine(line)).RunAsync();
            Console.WriteLine($"{report.Faults.Count} faults in {report.WallSeconds:F0} s (a quarter took {report.UsualQuarterSeconds:F1} s): " +
                              string.Join(", ", report.Faults.Select(f => $"{f.What} recovered in {f.RecoverySeconds:F1} s")));
            if (report.Passed)
            {
                Console.WriteLine($"passed: run {report.RunId} has the digest and every quarter's figures of the in-process run");
                return ExitCodes.Ok;
            }
            Console.WriteLine($"FAILED: run {report.RunId} differs from the in-process run in {string.Join(", ", report.Differences)}");
            return ExitCodes.Failure;
        });
        return command;
    }
}
