using System.Text;
using PartnerSim.Inputs;
using PartnerSim.Inputs.Scenarios;

namespace PartnerSim.Runs.Sweeps;

/// <summary>One parameter of a grid: a dotted key of the scenario format and the values to try.</summary>
public sealed record Axis(string Key, string[] Values)
{
    /// <summary>Parses <c>key=v1,v2,…</c> (the form of <c>sweep --set</c>).</summary>
    public static Axis Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new BadInputException($"--set {text}: expected key=value[,value…], e.g. rules.partnerThreshold=4,5,6");
        var values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (values.Any(v => v.Length == 0)) throw new BadInputException($"--set {text}: an empty value");
        return new Axis(text[..eq].Trim(), values);
    }
}

/// <summary>
/// Every combination of the axes' values, each a scenario variant that extends the base file and sets the values.
/// A variant is loaded by the same loader as any scenario file (same validation, same located errors).
/// </summary>
public sealed class SweepGrid(string basePath, IReadOnlyList<Axis> axes)
{
    public IReadOnlyList<Axis> Axes { get; } = axes;

    public IEnumerable<string[]> Combinations()
    {
        IEnumerable<string[]> grid = [[]];
        foreach (var axis in Axes) grid = grid.SelectMany(prefix => axis.Values.Select(v => (string[])[.. prefix, v]));
        return grid;
    }

    /// <summary>
    /// The base scenario with these values set (one per axis, in axis order). <paramref name="origin"/> names the
    /// variant in errors, as the file it stands for.
    /// </summary>
    public ScenarioInput Load(string[] values, int? partners, int? quarters, string origin = "sweep --set")
    {
        if (!File.Exists(basePath)) throw new BadInputException($"{basePath}: scenario file not found");
        var full = Path.GetFullPath(basePath);
        var yaml = new StringBuilder($"extends: \"{Escape(Path.GetFileName(full))}\"\n");
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal);
        for (int i = 0; i < Axes.Count; i++) Insert(tree, Axes[i].Key.Split('.'), values[i]);
        Emit(yaml, tree, 0);
        var virtualFile = Path.Combine(Path.GetDirectoryName(full)!,
            $"({origin} {string.Join(' ', Axes.Select((a, i) => $"{a.Key}={values[i]}"))})");
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
