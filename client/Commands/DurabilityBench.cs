using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerSim.Analytics.Bench;
using PartnerSim.Grains.Driver;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Population;
using PartnerSim.Runs.Cluster;
using PartnerSim.Silo;
using PartnerSim.Silo.Faults;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim bench --durability</c>: the simulation with partner state written to PostgreSQL every quarter (an
/// in-process silo, as <c>run --postgres</c>), measured like the in-memory figures it is set against (warm-ups, then the
/// median of the repetitions); then one run on silo processes in which a silo is killed half-way through a quarter.
/// </summary>
internal static class DurabilityBench
{
    public const int RecoverySilos = 3, KilledQuarter = 2;

    /// <summary>Progress steps: warm-ups and repetitions of the PostgreSQL run, and the recovery run.</summary>
    public static int Steps(BenchCommand.Settings s) => s.Repetitions + BenchCommand.Settings.WarmupRounds + 1;

    public static async Task<DurabilityFigures> Measure(BenchCommand.Settings settings, SimulationFigures memory, Action<string> report,
        CancellationToken cancel)
    {
        await using var server = settings.Postgres is null ? await PostgresServer.StartAsync() : null;
        var database = settings.Postgres ?? await server!.CreateDatabaseAsync("bench");
        string cluster = $"bench-{Environment.ProcessId}";
        var runs = new List<SimulationFigures>();
        using (var host = ClusterSilo.Build(new SiloHostOptions { Postgres = database, ClusterId = cluster, ServiceId = cluster }))
        {
            await host.StartAsync(cancel);
            var bench = new BenchCommand.SiloBench(host.Services, cancel);
            for (int round = -BenchCommand.Settings.WarmupRounds; round < settings.Repetitions; round++)
            {
                cancel.ThrowIfCancellationRequested();
                bool warming = round < 0;
                report(warming ? $"PostgreSQL warm-up {round + BenchCommand.Settings.WarmupRounds + 1}" : $"simulation, PostgreSQL {round + 1}/{settings.Repetitions}");
                var run = await bench.Simulation(BenchCommand.Options(warming ? settings.WarmupPartners : settings.Partners, settings.Quarters), 1);
                if (!warming) runs.Add(run);
            }
            await host.StopAsync(CancellationToken.None);
        }
        var postgres = BenchCommand.MedianOf(runs, 1);
        report("recovery from a killed silo");
        var recovery = await Recovery(database, settings.Partners, Math.Max(settings.Quarters, KilledQuarter + 2));
        return new DurabilityFigures(postgres, postgres.SteadyPartnerQuartersPerSecond / memory.SteadyPartnerQuartersPerSecond, recovery);
    }

    /// <summary>
    /// Silo processes on the database, this process as their client; every silo is told to die after stepping its first
    /// leaf of <see cref="KilledQuarter"/>, and the first to get there does (the others find the marker taken).
    /// </summary>
    private static async Task<RecoveryFigures> Recovery(string database, int partners, int quarters)
    {
        var options = BenchCommand.Options(partners, quarters);
        var marker = Path.Combine(Path.GetTempPath(), $"partnersim-bench-kill-{Guid.NewGuid():N}");
        var fault = new Dictionary<string, string> { [KillAtLeafStep.Variable] = $"quarter={KilledQuarter},step=1,once={marker}" };
        string cluster = $"bench-recovery-{Environment.ProcessId}";
        var silos = await Task.WhenAll(Enumerable.Range(0, RecoverySilos).Select(_ => SiloProcess.StartAsync(database, cluster, fault)));
        try
        {
            using var client = ClusterClient.BuildClient(database, cluster);
            await client.StartAsync();
            var clock = Stopwatch.StartNew();
            var started = new double[quarters + 1];
            var driver = new QuarterDriver(client.Services.GetRequiredService<IClusterClient>());
            var result = await driver.Run(options, $"bench-recovery/{Environment.ProcessId}", checkpointEvery: 1,
                progress: (phase, q, _) => started[phase == QuarterDriver.Phase.Digesting ? quarters : q] = clock.Elapsed.TotalSeconds);
            await client.StopAsync();
            if (!File.Exists(marker)) throw new InvalidOperationException("no silo was killed: the recovery measurement is void");
            var seconds = Enumerable.Range(0, quarters).Select(q => started[q + 1] - started[q]).ToArray();
            var usual = BenchReport.Median(seconds.Where((_, q) => q != 0 && q != KilledQuarter));
            var rules = new RuleBook(options);
            var generator = new PopulationGenerator(rules);
            var expected = EngineLoop.Run(rules, new GeneratedPartners(generator, generator.ComputeTierCuts()), 0);
            return new RecoveryFigures(partners, quarters, RecoverySilos, KilledQuarter, usual, seconds[KilledQuarter],
                driver.Faults.RecoverySeconds, driver.Faults.Retries, expected.Digest == result.Digest);
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
            File.Delete(marker);
        }
    }
}
