using System.CommandLine;
using Orleans.TestingHost;
using PartnerSim.Cli.Commands;
using PartnerSim.Grains;
using CliApp = PartnerSim.Cli.Cli;

namespace PartnerSim.Tests.Integration;

/// <summary>Locates files of the repository (scenarios, rule book examples) from the test binaries.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Simulation.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => s_root.Value;
    public static string Scenario(string fileName) => Path.Combine(Root, "scenarios", fileName);
}

/// <summary>A temporary directory removed when the test ends.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("partnersim-it-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Runs the whole CLI in-process (the tool's own root command) and captures what it prints. Callers must be
/// in the "Console" collection.
/// </summary>
internal static class CliRunner
{
    public sealed record Result(int Code, string Out, string Err)
    {
        public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public override string ToString() => $"exit {Code}\nstdout: {Out}\nstderr: {Err}";
    }

    public static RootCommand Root() => CliApp.CreateRoot();

    public static async Task<Result> Run(params string[] args)
    {
        var oldOut = Console.Out;
        var oldErr = Console.Error;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            int code = await CliApp.Invoke(Root(), args);
            return new Result(code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}

/// <summary>Console capture is process-wide: every test that runs the CLI goes in this collection, one at a time.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Two in-process silos with in-memory partner storage, started once per test class.</summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(GrainStorage.Partners);
            silo.AddPartnerSim();
        }
    }
}
