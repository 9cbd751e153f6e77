using System.Globalization;
using System.Text.RegularExpressions;
using PartnerSim.Inputs.Scenarios;

namespace PartnerSim.Inputs.Experiments;

/// <summary>
/// Reads an experiment YAML file (<c>scenarios/experiments/*.yaml</c>) into an <see cref="ExperimentDefinition"/>. It is
/// read and checked like a scenario: the same YAML reading, and every problem collected with its file, line and
/// column and thrown at once as a <see cref="ScenarioException"/>. Each factor's key and values are bound as a
/// scenario would bind them, so a misspelt key or a value of the wrong type is told at the factor's line.
/// <code>
///   base: ../cisco360-launch.yaml
///   seed: 20260125
///   replicates: 2
///   design: { method: sobol, samples: 16 }
///   factors:
///     rules.partnerThreshold: { low: 4, high: 6 }
///     rules.thresholdComparator: [">=", ">"]
///     money.adoptStandardPct: { low: 0.5, high: 4, distribution: logUniform }
///   outputs:
///     fatMiddleShortfallAtLaunchUsd: fatMiddle.shortfallUsd@launch
/// </code>
/// </summary>
public static partial class ExperimentLoader
{
    /// <summary>More runs than this in one experiment is a mistake in the file, not a plan.</summary>
    public const long MaxRuns = 1_000_000;

    public const int MaxReplicates = 10_000;

    /// <summary>Column names a run row already has, which an output may not take.</summary>
    public static readonly IReadOnlyList<string> RunColumns = ["run", "point", "replicate", "seed", "digest"];

    private static readonly string[] TopKeys = ["name", "description", "base", "seed", "replicates", "design", "factors", "outputs"];
    private static readonly string[] DesignKeys = ["method", "samples", "levels"];
    private static readonly string[] RangeKeys = ["low", "high", "distribution"];
    private static readonly string[] Methods = ["grid", "lhs", "sobol", "morris"];
    private static readonly string[] Distributions = ["uniform", "logUniform"];

    public static ExperimentDefinition Load(string path)
    {
        string? text;
        ScenarioError? tooBig;
        try { text = ScenarioYamlLimits.Read(path, path, out tooBig); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 1, 1, "", $"cannot read the experiment file: {e.Message}")]);
        }
        if (tooBig is not null) throw new ScenarioException([tooBig]);
        return LoadText(text!, path);
    }

    public static ExperimentDefinition LoadText(string yaml, string fileName)
    {
        var errors = new List<ScenarioError>();
        var root = ScenarioLoader.ReadYaml(yaml, fileName, errors);
        var definition = root is null ? null : new Reader(fileName, errors).Read(root);
        if (errors.Count > 0 || definition is null)
            throw new ScenarioException(errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        return definition;
    }

    private sealed class Reader(string file, List<ScenarioError> errors)
    {
        private void Error(SNode at, string path, string message) => errors.Add(new ScenarioError(at.File, at.Line, at.Column, path, message));

        private static FileLocation Where(SNode node) => new(node.File, node.Line, node.Column);

        public ExperimentDefinition? Read(SMapping root)
        {
            var entries = Entries(root, "", TopKeys);
            string name = entries.TryGetValue("name", out var n) ? Text(n, "name") ?? "" : Path.GetFileNameWithoutExtension(file);
            string description = entries.TryGetValue("description", out var d) ? Text(d, "description") ?? "" : "";

            string? baseScenario = null;
            if (!entries.TryGetValue("base", out var b)) Error(root, "base", "an experiment needs a base scenario: base: path/to/scenario.yaml");
            else if (Text(b, "base") is { } relative)
            {
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? "", relative));
                if (File.Exists(full)) baseScenario = full;
                else Error(b, "base", $"base scenario '{relative}' not found ({full})");
            }

            ulong? seed = entries.TryGetValue("seed", out var s) ? Whole(s, "seed", 0, long.MaxValue) is { } v ? (ulong)v : null : null;
            int replicates = entries.TryGetValue("replicates", out var r) ? (int)(Whole(r, "replicates", 1, MaxReplicates) ?? 1) : 1;
            var design = entries.TryGetValue("design", out var dn) ? Design(dn) : null;
            if (design is null && dn is null) Error(root, "design", "an experiment needs a design: design: { method: grid | lhs | sobol | morris, samples: N }");

            var factors = new List<FactorDefinition>();
            entries.TryGetValue("factors", out var fn);
            if (fn is SMapping factorMap)
            {
                foreach (var (key, value) in Entries(factorMap, "factors", null))
                    if (Factor(key, value) is { } factor) factors.Add(factor);
            }
            else if (fn is not null and not SScalar { Value: null })
                Error(fn, "factors", "expected a mapping of scenario keys to levels [a, b] or ranges { low: a, high: b }");
            if (factors.Count == 0 && design is { Method: not DesignMethod.Grid } && errors.Count == 0)
                Error(fn ?? (SNode)root, "factors", $"a {Methods[(int)design.Method]} design needs at least one factor");

            var outputs = new List<OutputDefinition>();
            if (!entries.TryGetValue("outputs", out var on)) Error(root, "outputs", "an experiment needs outputs: name: figure query, e.g. shortfall: fatMiddle.shortfallUsd@launch");
            else if (on is not SMapping outputMap) Error(on, "outputs", "expected a mapping of output names to figure queries");
            else
            {
                foreach (var (key, value) in Entries(outputMap, "outputs", null))
                    if (Output(key, value) is { } output) outputs.Add(output);
                if (outputMap.Entries.Count == 0) Error(on, "outputs", "name at least one output");
            }

            if (design is not null) CheckSize(design, factors, replicates);
            if (baseScenario is null || design is null || errors.Count > 0) return null;
            return new ExperimentDefinition(file, name, description, baseScenario, seed, replicates, design, factors, outputs,
                Where(fn ?? root));
        }

        /// <summary>A mapping's entries by name; unknown and repeated keys are errors (any key is allowed when <paramref name="allowed"/> is null).</summary>
        private Dictionary<string, SNode> Entries(SMapping map, string path, string[]? allowed)
        {
            var entries = new Dictionary<string, SNode>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in map.Entries)
            {
                var name = key.Value!;
                var keyPath = ScenarioPaths.Join(path, name);
                var known = allowed?.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                if (allowed is not null && known is null) Error(key, keyPath, $"unknown key '{name}'; expected one of: {string.Join(", ", allowed)}");
                else if (!entries.TryAdd(known ?? name, value)) Error(key, keyPath, "key given twice");
                else if (allowed is null) _keys[value] = key;
            }
            return entries;
        }

        /// <summary>The key node of each free-form entry (a factor's or an output's), for locating it.</summary>
        private readonly Dictionary<SNode, SScalar> _keys = new(ReferenceEqualityComparer.Instance);

        private string? Text(SNode node, string path)
        {
            if (node is SScalar { Value: { } text } && !text.Contains('\n')) return text.Trim();
            Error(node, path, "expected a single line of text");
            return null;
        }

        private long? Whole(SNode node, string path, long min, long max)
        {
            if (node is SScalar { Value: { } text }
                && long.TryParse(text.Trim().Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                if (v >= min && v <= max) return v;
                Error(node, path, max == long.MaxValue ? $"must be at least {min} (got {v})" : $"must be between {min} and {max} (got {v})");
                return null;
            }
            Error(node, path, "expected a whole number");
            return null;
        }

        private double? Number(SNode node, string path)
        {
            if (node is SScalar { Value: { } text }
                && double.TryParse(text.Trim().Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                return v;
            Error(node, path, "expected a number");
            return null;
        }

        private DesignDefinition? Design(SNode node)
        {
            var (methodNode, samplesNode, levelsNode) = node switch
            {
                SScalar => (node, null, null),
                SMapping map when Entries(map, "design", DesignKeys) is var e =>
                    (e.GetValueOrDefault("method"), e.GetValueOrDefault("samples"), e.GetValueOrDefault("levels")),
                _ => ((SNode?)null, (SNode?)null, (SNode?)null),
            };
            if (node is not (SScalar or SMapping)) { Error(node, "design", "expected a method or a mapping { method, samples }"); return null; }
            if (methodNode is null) { Error(node, "design.method", $"a design needs a method: one of {string.Join(", ", Methods)}"); return null; }
            var word = Text(methodNode, "design.method");
            int m = Array.FindIndex(Methods, w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase));
            if (word is null) return null;
            if (m < 0) { Error(methodNode, "design.method", $"unknown design '{word}'; expected one of: {string.Join(", ", Methods)}"); return null; }
            var method = (DesignMethod)m;

            int? samples = method == DesignMethod.Grid ? 3 : null;
            if (samplesNode is not null)
                samples = (int?)Whole(samplesNode, "design.samples", method is DesignMethod.Sobol or DesignMethod.Grid ? 2 : 1, 1_000_000);
            else if (samples is null)
            {
                Error(methodNode, "design.samples", method switch
                {
                    DesignMethod.Lhs => "an lhs design needs samples: the number of points",
                    DesignMethod.Sobol => "a sobol design needs samples: the base rows N (it makes N·(factors + 2) points)",
                    _ => "a morris design needs samples: the number of trajectories (each makes factors + 1 points)",
                });
                return null;
            }
            int levels = 4;
            if (levelsNode is not null)
            {
                if (method != DesignMethod.Morris) Error(levelsNode, "design.levels", "levels are for a morris design only (a grid's ranges take samples values)");
                else if (Whole(levelsNode, "design.levels", 2, 100) is { } p)
                {
                    if (p % 2 != 0) Error(levelsNode, "design.levels", $"a Morris grid needs an even number of levels (got {p})");
                    levels = (int)p;
                }
            }
            return samples is null ? null : new DesignDefinition(method, samples.Value, levels, Where(methodNode));
        }

        private FactorDefinition? Factor(string key, SNode node)
        {
            var keyNode = _keys[node];
            var path = $"factors.{key}";
            if (key.Equals("run.seed", StringComparison.OrdinalIgnoreCase))
            {
                Error(keyNode, path, "each run's seed comes from the experiment's seed and its replicate; vary replicates instead");
                return null;
            }
            var type = ScenarioKeys.ValueType(key);
            switch (node)
            {
                case SSequence list:
                {
                    var levels = new List<string>();
                    foreach (var item in list.Items)
                    {
                        if (item is not SScalar { Value: { } level }) { Error(item, path, "a level is a single value"); continue; }
                        if (levels.Contains(level.Trim())) Error(item, path, $"level '{level.Trim()}' is listed twice");
                        levels.Add(level.Trim());
                    }
                    if (list.Items.Count == 0) { Error(list, path, "list at least one level"); return null; }
                    if (!Binds(key, keyNode, list.Items.OfType<SScalar>())) return null;
                    return new FactorDefinition(key, levels, 0, 0, false, false, Where(keyNode));
                }
                case SMapping range:
                {
                    var e = Entries(range, path, RangeKeys);
                    if (!e.TryGetValue("low", out var lowNode) || !e.TryGetValue("high", out var highNode))
                    {
                        Error(range, path, "a range needs low and high: { low: a, high: b }");
                        return null;
                    }
                    var (low, high) = (Number(lowNode, $"{path}.low"), Number(highNode, $"{path}.high"));
                    bool log = false;
                    if (e.TryGetValue("distribution", out var dn) && Text(dn, $"{path}.distribution") is { } dist)
                    {
                        int k = Array.FindIndex(Distributions, w => string.Equals(w, dist, StringComparison.OrdinalIgnoreCase));
                        if (k < 0) Error(dn, $"{path}.distribution", $"unknown distribution '{dist}'; expected one of: {string.Join(", ", Distributions)}");
                        log = k == 1;
                    }
                    if (low is null || high is null) return null;
                    if (!(low < high)) { Error(lowNode, $"{path}.low", $"a range needs low < high (got low {F(low.Value)}, high {F(high.Value)})"); return null; }
                    if (log && !(low > 0)) { Error(lowNode, $"{path}.low", $"a log-uniform range needs low > 0 (got {F(low.Value)})"); return null; }
                    if (type is not null && !ScenarioKeys.IsNumber(type))
                    {
                        Error(keyNode, path, $"'{key}' takes {Kind(type)}, which form no range; list them instead, e.g. [a, b]");
                        return null;
                    }
                    bool whole = type is not null && ScenarioKeys.IsWholeNumber(type);
                    if (whole && (low != Math.Floor(low.Value) || high != Math.Floor(high.Value)))
                    {
                        Error(lowNode, $"{path}.low", $"'{key}' is a whole number: a range over it needs whole-number ends (got {F(low.Value)}..{F(high.Value)})");
                        return null;
                    }
                    if (whole && log)
                    {
                        Error(dn!, $"{path}.distribution", $"'{key}' is a whole number: its range takes each whole number equally often (uniform)");
                        return null;
                    }
                    if (!Binds(key, keyNode, [Scalar(lowNode, F(low.Value)), Scalar(highNode, F(high.Value))])) return null;
                    return new FactorDefinition(key, null, low.Value, high.Value, log, whole, Where(keyNode));
                }
                default:
                    Error(node, path, "expected a list of levels [a, b] or a range { low: a, high: b }");
                    return null;
            }
        }

        private static SScalar Scalar(SNode at, string value) => new(at.File, at.Line, at.Column, value);

        /// <summary>
        /// Binds each value at the factor's key as a scenario file would, with nodes that carry the experiment file's
        /// lines: an unknown key or a value of the wrong type is told there, in the scenario loader's own words.
        /// </summary>
        private bool Binds(string key, SScalar keyNode, IEnumerable<SScalar> values)
        {
            var found = new List<ScenarioError>();
            foreach (var value in values)
            {
                SNode tree = value;
                var parts = key.Split('.');
                for (int i = parts.Length - 1; i >= 0; i--)
                    tree = new SMapping(keyNode.File, keyNode.Line, keyNode.Column, [new SEntry(Scalar(keyNode, parts[i]), tree)]);
                new ScenarioBinder(found).BindRoot((SMapping)tree, file);
            }
            foreach (var e in found.Distinct()) errors.Add(e with { KeyPath = $"factors.{e.KeyPath}" });
            return found.Count == 0;
        }

        private OutputDefinition? Output(string name, SNode node)
        {
            var keyNode = _keys[node];
            var path = $"outputs.{name}";
            if (!OutputName().IsMatch(name))
                Error(keyNode, path, "an output name is a letter followed by letters, digits or '_' (it names a column)");
            else if (RunColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                Error(keyNode, path, $"'{name}' names a column every run row has ({string.Join(", ", RunColumns)}); choose another name");
            var query = Text(node, path);
            if (query is { Length: 0 }) Error(node, path, "expected a figure query, e.g. fatMiddle.shortfallUsd@launch");
            return query is { Length: > 0 } ? new OutputDefinition(name, query, Where(node)) : null;
        }

        private void CheckSize(DesignDefinition design, List<FactorDefinition> factors, int replicates)
        {
            long points = design.Points(factors);
            if (points * replicates > MaxRuns)
                errors.Add(new ScenarioError(design.At.File, design.At.Line, design.At.Column, "design",
                    $"{points:N0} points × {replicates} replicates is more than {MaxRuns:N0} runs"));
        }

        private static string Kind(Type type) => type == typeof(bool) ? "true/false" : type.IsEnum ? "named values" : "text";

        private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex OutputName();
}
