using Npgsql;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;

namespace PartnerSim.Tests.Postgres;

/// <summary>What the fault tests share: a small scenario, its uninterrupted in-process run, and the comparison.</summary>
internal static class FaultRuns
{
    public static ScenarioOptions Options(string name, int partners, int quarters) => new()
    {
        Run = new RunOptions { Name = name, Seed = 4242, Quarters = quarters },
        Population = new PopulationOptions { Partners = partners },
    };

    /// <summary>The reference: the plain in-process loop, no grains, no storage.</summary>
    public static RunResult InProc(ScenarioOptions options)
    {
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        return EngineLoop.Run(rules, new GeneratedPartners(generator, generator.ComputeTierCuts()), 0);
    }

    /// <summary>Same digest and, quarter by quarter, the same reduction to the byte.</summary>
    public static void AssertSameRun(RunResult expected, RunResult actual)
    {
        Assert.Equal(expected.Digest, actual.Digest);
        Assert.Equal(expected.PerQuarter.Count, actual.PerQuarter.Count);
        for (int q = 0; q < expected.PerQuarter.Count; q++)
            Assert.True(expected.PerQuarter[q].ToBytes().AsSpan().SequenceEqual(actual.PerQuarter[q].ToBytes()), $"quarter {q} figures differ");
    }

    public static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>The CLI's runs of the launch scenario in the fault tests, and their summaries.</summary>
internal static class LaunchRuns
{
    public static string Scenario => Integration.RepoPaths.Scenario("cisco360-launch.yaml");

    /// <summary>The uninterrupted run's summary.json, from the in-process engine.</summary>
    public static Task<System.Text.Json.JsonDocument> Reference(int partners, int quarters) =>
        PartnerSim.Runs.Chaos.SummaryComparison.ReferenceAsync(PartnerSim.Runs.ScenarioInput.Load(Scenario, partners, quarters));

    /// <summary>The digest, the headline and every quarter's figures, as summary.json writes them.</summary>
    public static void AssertSameFigures(System.Text.Json.JsonDocument expected, string outDir)
    {
        using var actual = PartnerSim.Runs.Chaos.SummaryComparison.Read(outDir);
        Assert.Empty(PartnerSim.Runs.Chaos.SummaryComparison.Differences(expected, actual));
    }

    /// <summary><c>partnersim …</c> as a child process.</summary>
    public static PartnerSim.Runs.Cluster.ChildProcess Cli(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        PartnerSim.Runs.Cluster.ChildProcess.Start("partnersim.dll", args, environment);

    /// <summary>The run id the CLI printed at the start ("run id X").</summary>
    public static async Task<string> RunId(PartnerSim.Runs.Cluster.ChildProcess cli) =>
        (await cli.WaitForLineAsync(l => l.StartsWith("run id ", StringComparison.Ordinal), TimeSpan.FromSeconds(120)))["run id ".Length..].Trim();
}
