using System.Collections.Concurrent;
using System.Text.Json;
using PartnerSim.Model.Engine;
using PartnerSim.Runs;
using PartnerSim.Runs.Output;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Reports;

/// <summary>
/// Small runs (1,000 partners, in process) and small experiments (300 partners) written once per test process, as
/// `partnersim run` and `partnersim experiment` write them, and shared by the report and compare tests. Tests that change a run directory work on a copy (<see cref="Copy"/>).
/// </summary>
internal static class ReportRuns
{
    public const int Partners = 1000;

    private const string Prefix = "partnersim-reports-";
    private static readonly string s_root = Root();
    private static readonly ConcurrentDictionary<string, Lazy<string>> s_dirs = new();

    static ReportRuns() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(s_root, recursive: true); } catch (IOException) { }
    };

    /// <summary>
    /// A folder named for this process. The test host is often ended without ProcessExit, so the folders of test
    /// processes that are gone are removed here, when the next one starts.
    /// </summary>
    private static string Root()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
            if (int.TryParse(Path.GetFileName(dir)[Prefix.Length..], out int pid) && !Running(pid))
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var root = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        return Directory.CreateDirectory(root).FullName;
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }

    /// <summary>
    /// The output directory of a named scenario's run (its own seed unless one is given), written as `partnersim run`
    /// writes it, with the partner-quarter detail of every partner.
    /// </summary>
    public static string Of(string scenario, ulong? seed = null) => s_dirs.GetOrAdd($"{scenario}-{seed?.ToString() ?? "default"}",
        key => new Lazy<string>(() =>
        {
            var input = ScenarioInput.Load(RepoPaths.Scenario(scenario + ".yaml"), Partners, null, seed);
            var dir = Path.Combine(s_root, key);
            using var output = OutputDirectory.Begin(dir);
            var settings = new RunSettings { Engine = EngineKind.Inproc, Detail = DetailSelection.Parse("all") };
            var report = Runner.Run(input, settings, output: output).GetAwaiter().GetResult();
            RunOutputs.WriteFiles(output.Path, report);
            output.Commit();
            return dir;
        })).Value;

    /// <summary>
    /// The output directory of an example experiment of scenarios/experiments/ on <see cref="ExperimentPartners"/>
    /// partners, written as `partnersim experiment --sample-size` writes it, its report included.
    /// </summary>
    public static string OfExperiment(string example, int? sampleSize = null) =>
        Experiment($"{Path.GetFileNameWithoutExtension(example)}-{sampleSize}", () => Path.Combine(RepoPaths.Root, "scenarios", "experiments", example), sampleSize);

    /// <summary>The output directory of an experiment file with the given text (its base relative to scenarios/experiments/).</summary>
    public static string OfExperimentText(string name, string yaml) => Experiment(name, () =>
    {
        var path = Path.Combine(s_root, name + ".yaml");
        File.WriteAllText(path, yaml.Replace("base: ../", $"base: {Path.Combine(RepoPaths.Root, "scenarios")}/"));
        return path;
    }, null);

    private static string Experiment(string name, Func<string> file, int? sampleSize) => s_dirs.GetOrAdd($"experiment-{name}",
        key => new Lazy<string>(() =>
        {
            var dir = Path.Combine(s_root, key);
            var plan = PartnerSim.Runs.Experiments.ExperimentPlan.Load(file(), ExperimentPartners, sampleSize);
            PartnerSim.Runs.Experiments.Experiment.Run(plan, dir, new RunSettings { Engine = EngineKind.Inproc }, parallel: 2).GetAwaiter().GetResult();
            return dir;
        })).Value;

    public const int ExperimentPartners = 300;

    /// <summary>Runs <c>partnersim compare A B</c> into a fresh folder of <paramref name="tmp"/>; its compare.json and the folder.</summary>
    public static async Task<(JsonElement Json, string Dir)> Compare(TempDir tmp, string a, string b)
    {
        var outDir = tmp.File($"compare-{Guid.NewGuid():N}");
        var r = await CliRunner.Run("compare", a, b, "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());
        return (JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "compare.json"))).RootElement, outDir);
    }

    /// <summary>Copies a run directory (with its subfolders) to <paramref name="target"/>.</summary>
    public static string Copy(string runDir, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(runDir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(runDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>Every file under a directory with its bytes, by relative path: to see that nothing changed.</summary>
    public static SortedDictionary<string, string> Snapshot(string dir) => new(
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
