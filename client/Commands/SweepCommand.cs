using System.CommandLine;
using System.Text;
using PartnerSim.Analytics.Reports;
using PartnerSim.Cli.Output;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Population;
using PartnerSim.Model.Scenarios;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim sweep SCENARIO.yaml --set key=v1,v2 … --seeds N --out sweep.csv</c>: runs every combination
/// of the given values (and seeds) on the in-process engine, which gives the grain host's digest, and writes
/// one CSV row per run. Every variant is loaded and validated before the first one runs.
/// </summary>
public static class SweepCommand
{
    /// <summary>One parameter of the grid: a dotted key of the scenario format and the values to try.</summary>
    public sealed record Axis(string Key, string[] Values);

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
            var axes = (p.GetValue(set) ?? []).Select(ParseAxis).ToList();
            int seedCount = p.GetValue(seeds);
            if (seedCount < 1) throw new BadInputException($"--seeds: must be at least 1 (got {seedCount})");

            var variants = Combinations(axes).ToList();
            var inputs = variants.Select(values => Load(path, axes, values, p.GetValue(partners), p.GetValue(quarters))).ToList();
            var runs = inputs.SelectMany((input, v) => Enumerable.Range(0, seedCount).Select(k => (v, seed: input.Options.Run.Seed + (ulong)k))).ToList();

            var terminal = new Terminal(p.GetValue(quiet), Json: false);
            var rows = await terminal.WithProgress("sweep", runs.Count, report => Task.Run(() =>
            {
                var done = new List<(int Variant, RunReport Report)>();
                foreach (var (v, seed) in runs)
                {
                    cancel.ThrowIfCancellationRequested();
                    report($"variant {v + 1}/{variants.Count}, seed {seed}", done.Count);
                    var input = inputs[v].WithSeed(seed);
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var result = EngineLoop.Run(input.Rules, input.Source, cancel: cancel);
                    done.Add((v, new RunReport(input.Rules, result, "inproc", clock.Elapsed.TotalSeconds, input.TopBookingsShare)));
                }
                return done;
            }, cancel));

            AtomicOutput.WriteFile(p.GetValue(outFile)!, stream =>
            {
                using var w = new StreamWriter(stream);
                SweepCsv.WriteHeader(w, axes.Select(a => a.Key));
                foreach (var (v, report) in rows) SweepCsv.WriteRow(w, variants[v], report);
            });
            if (!p.GetValue(quiet)) Console.WriteLine($"{rows.Count} runs ({variants.Count} variants × {seedCount} seeds) -> {p.GetValue(outFile)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Axis ParseAxis(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new BadInputException($"--set {text}: expected key=value[,value…], e.g. rules.partnerThreshold=4,5,6");
        var values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (values.Any(v => v.Length == 0)) throw new BadInputException($"--set {text}: an empty value");
        return new Axis(text[..eq].Trim(), values);
    }

    private static IEnumerable<string[]> Combinations(IReadOnlyList<Axis> axes)
    {
        IEnumerable<string[]> grid = [[]];
        foreach (var axis in axes) grid = grid.SelectMany(prefix => axis.Values.Select(v => (string[])[.. prefix, v]));
        return grid;
    }

    /// <summary>
    /// The variant as a scenario that extends the base file and sets the grid's values, loaded by the same
    /// loader (same validation, same errors) as any scenario file.
    /// </summary>
    private static ScenarioInput Load(string basePath, IReadOnlyList<Axis> axes, string[] values, int? partners, int? quarters)
    {
        var full = Path.GetFullPath(basePath);
        var yaml = new StringBuilder($"extends: \"{Escape(Path.GetFileName(full))}\"\n");
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal);
        for (int i = 0; i < axes.Count; i++) Insert(tree, axes[i].Key.Split('.'), values[i]);
        Emit(yaml, tree, 0);
        var virtualFile = Path.Combine(Path.GetDirectoryName(full)!, $"(sweep --set {string.Join(' ', axes.Select((a, i) => $"{a.Key}={values[i]}"))})");
        var options = ScenarioLoader.LoadText(yaml.ToString(), virtualFile);
        return ScenarioInput.From(options, partners, quarters, seed: null, skipBadRows: false);
    }

    private static void Insert(SortedDictionary<string, object> node, string[] path, string value)
    {
        for (int i = 0; i < path.Length - 1; i++)
        {
            if (!node.TryGetValue(path[i], out var child) || child is not SortedDictionary<string, object> map)
                node[path[i]] = map = new SortedDictionary<string, object>(StringComparer.Ordinal);
            node = map;
        }
        node[path[^1]] = value;
    }

    private static void Emit(StringBuilder yaml, SortedDictionary<string, object> node, int depth)
    {
        foreach (var (key, value) in node)
        {
            yaml.Append(' ', 2 * depth).Append(key).Append(':');
            if (value is SortedDictionary<string, object> child) { yaml.Append('\n'); Emit(yaml, child, depth + 1); }
            else yaml.Append(" \"").Append(Escape((string)value)).Append("\"\n");
        }
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
