using System.Collections;
using System.Globalization;
using System.Reflection;
using PartnerSim.Model.Options;

namespace PartnerSim.Inputs.Scenarios;

/// <summary>
/// Binds a (merged) YAML tree onto a fresh <see cref="ScenarioOptions"/> by reflection. Nested records are
/// cloned before being changed, so values not in the file keep their defaults and shared default instances
/// are never mutated. Records where each key path appeared, for locating validation errors.
/// </summary>
internal sealed class ScenarioBinder(List<ScenarioError> errors)
{
    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Canonical key path → the key node (where the key was written) and its value node.</summary>
    private readonly Dictionary<string, SEntry> _seen = new(StringComparer.Ordinal);

    public ScenarioOptions BindRoot(SMapping? root, string fileName)
    {
        var options = new ScenarioOptions();
        if (root is not null && TryBind(typeof(ScenarioOptions), options, root, "", false, out var bound))
            options = (ScenarioOptions)bound!;

        if (!_seen.ContainsKey("run.name"))
            options = options with { Run = options.Run with { Name = Path.GetFileNameWithoutExtension(fileName) } };

        if (options.Population.Roster is { Length: > 0 } roster)
        {
            var dir = _seen.TryGetValue("population.roster", out var at)
                ? Path.GetDirectoryName(Path.GetFullPath(at.Value.File))
                : Path.GetDirectoryName(Path.GetFullPath(fileName));
            options = options with
            {
                Population = options.Population with { Roster = Path.GetFullPath(Path.Combine(dir ?? "", roster)) },
            };
        }
        return options;
    }

    /// <summary>Where a key path was written: the key itself, a key checked together with it, or its nearest written ancestor.</summary>
    public SNode? Locate(string keyPath)
    {
        if (_seen.TryGetValue(keyPath, out var e)) return e.Key;
        foreach (var related in ScenarioValidator.RelatedKeys(keyPath))
            if (_seen.TryGetValue(related, out e)) return e.Key;
        for (var p = keyPath; p.LastIndexOf('.') is var dot and > 0;)
        {
            p = p[..dot];
            if (p.Contains('.') && _seen.TryGetValue(p, out e)) return e.Key;
        }
        return null;
    }

    private void Error(SNode at, string path, string message) =>
        errors.Add(new ScenarioError(at.File, at.Line, at.Column, path, message));

    private bool TryBind(Type type, object? current, SNode node, string path, bool nullable, out object? value)
    {
        value = current;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) { type = underlying; nullable = true; }

        if (node is SScalar { Value: null } && nullable) { value = null; return true; }

        if (type == typeof(string))
        {
            if (node is not SScalar { Value: { } text }) { Error(node, path, "expected a string"); return false; }
            if (path is "run.name" or "run.description")
            {
                text = text.TrimEnd();
                if (text.Contains('\n')) { Error(node, path, "expected a single line"); return false; }
            }
            value = text;
            return true;
        }
        if (type == typeof(bool))
        {
            if (node is SScalar { Value: { } b } && bool.TryParse(b.Trim(), out var flag)) { value = flag; return true; }
            Error(node, path, "expected true/false");
            return false;
        }
        if (type == typeof(double))
        {
            if (node is SScalar { Value: { } d } && TryDouble(d, out var x)) { value = x; return true; }
            Error(node, path, "expected a number");
            return false;
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong))
        {
            if (node is SScalar { Value: { } n } && TryInteger(n, type, out var i)) { value = i; return true; }
            Error(node, path, type == typeof(ulong) ? "expected a whole number >= 0" : "expected a whole number");
            return false;
        }
        if (type.IsEnum)
        {
            if (node is SScalar { Value: { } s } && TryEnum(type, s.Trim(), out var ev)) { value = ev; return true; }
            Error(node, path, $"expected one of: {string.Join(", ", EnumWords(type))}");
            return false;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return TryBindList(type, node, path, out value);
        if (type.IsClass)
            return TryBindObject(type, current, node, path, out value);

        Error(node, path, $"unsupported option type {type.Name}");
        return false;
    }

    private bool TryBindList(Type type, SNode node, string path, out object? value)
    {
        var itemType = type.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(type)!;
        value = list;
        if (node is SScalar { Value: null }) return true;
        if (node is not SSequence seq) { Error(node, path, "expected a list"); return false; }
        var ok = true;
        for (int i = 0; i < seq.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = seq.Items[i];
            _seen[itemPath] = new SEntry(new SScalar(item.File, item.Line, item.Column, null), item);
            var start = IsRecord(itemType) ? Activator.CreateInstance(itemType) : null;
            if (TryBind(itemType, start, item, itemPath, false, out var v)) list.Add(v);
            else ok = false;
        }
        return ok;
    }

    private bool TryBindObject(Type type, object? current, SNode node, string path, out object? value)
    {
        value = current;
        if (node is SScalar { Value: null }) return true;
        if (node is not SMapping map) { Error(node, path, "expected a mapping"); return false; }

        var target = current is null ? Activator.CreateInstance(type)! : CloneMethod.Invoke(current, null)!;
        var props = OptionProperties(type);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, valueNode) in map.Entries)
        {
            var name = key.Value!;
            var prop = props.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (prop is null)
            {
                Error(key, ScenarioPaths.Join(path, name), UnknownKey(name, path, props));
                continue;
            }
            var childPath = ScenarioPaths.Join(path, ScenarioPaths.Camel(prop.Name));
            if (!done.Add(childPath)) { Error(key, childPath, "key given twice"); continue; }
            _seen[childPath] = new SEntry(key, valueNode);
            var nullable = IsNullable(prop);
            if (TryBind(prop.PropertyType, prop.GetValue(target), valueNode, childPath, nullable, out var v))
                prop.SetValue(target, v);
        }
        value = target;
        return true;
    }

    /// <summary>A reference-typed option declared nullable (<c>string?</c>); a generic <c>T</c> (PerPortfolio etc.) is not.</summary>
    internal static bool IsNullable(PropertyInfo prop)
    {
        if (prop.PropertyType.IsValueType) return Nullable.GetUnderlyingType(prop.PropertyType) is not null;
        var declaring = prop.DeclaringType;
        if (declaring is { IsGenericType: true }
            && declaring.GetGenericTypeDefinition().GetProperty(prop.Name)?.PropertyType.IsGenericParameter == true)
            return false;
        lock (Nullability) return Nullability.Create(prop).WriteState == NullabilityState.Nullable;
    }

    internal static PropertyInfo[] OptionProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToArray();

    internal static bool IsRecord(Type t) => t.IsClass && t != typeof(string)
        && !(t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>));

    private static string UnknownKey(string key, string path, PropertyInfo[] props)
    {
        var candidates = props.Select(p => ScenarioPaths.Camel(p.Name)).ToList();
        if (path.Length == 0) candidates.AddRange(["extends", "name", "description"]);
        var message = $"unknown key '{key}'";

        var best = candidates
            .Select(c => (c, d: Distance(key.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(t => t.d).FirstOrDefault();
        if (best.c is not null && (best.d <= Math.Max(2, key.Length / 3)
                                   || key.Length >= 3 && best.c.StartsWith(key, StringComparison.OrdinalIgnoreCase)))
            return $"{message}; did you mean '{best.c}'?";

        // A key written in the wrong section: suggest where it lives.
        var elsewhere = AllPaths.Value.FirstOrDefault(p =>
            string.Equals(p[(p.LastIndexOf('.') + 1)..], key, StringComparison.OrdinalIgnoreCase));
        return elsewhere is null ? message : $"{message}; did you mean '{elsewhere}'?";
    }

    private static readonly Lazy<List<string>> AllPaths = new(() =>
    {
        var paths = new List<string>();
        void Walk(Type t, string prefix, int depth)
        {
            if (depth > 6) return;
            foreach (var p in OptionProperties(t))
            {
                var path = ScenarioPaths.Join(prefix, ScenarioPaths.Camel(p.Name));
                paths.Add(path);
                var pt = p.PropertyType;
                if (pt.IsGenericType && pt.GetGenericTypeDefinition() == typeof(List<>)) pt = pt.GetGenericArguments()[0];
                if (IsRecord(pt)) Walk(pt, path, depth + 1);
            }
        }
        Walk(typeof(ScenarioOptions), "", 0);
        return paths;
    });

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    private static bool TryDouble(string s, out double d) =>
        double.TryParse(s.Trim().Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out d)
        && double.IsFinite(d);

    private static bool TryInteger(string s, Type type, out object? value)
    {
        value = null;
        var t = s.Trim().Replace("_", "");
        decimal n;
        if (!decimal.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
        {
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                || !double.IsFinite(d) || Math.Abs(d) > 1e28 || d != Math.Floor(d)) return false;
            n = (decimal)d;
        }
        try
        {
            value = type == typeof(int) ? (int)n : type == typeof(long) ? (long)n : (object)(ulong)n;
            return true;
        }
        catch (OverflowException) { return false; }
    }

    internal static IEnumerable<string> EnumWords(Type type)
    {
        var names = Enum.GetNames(type).Select(ScenarioPaths.Camel);
        return type == typeof(ThresholdComparator) ? names.Concat([">=", ">"]) : names;
    }

    private static bool TryEnum(Type type, string text, out object? value)
    {
        value = null;
        if (type == typeof(ThresholdComparator))
        {
            if (text == ">=") { value = ThresholdComparator.AtLeast; return true; }
            if (text == ">") { value = ThresholdComparator.Above; return true; }
        }
        var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (name is null) return false;
        value = Enum.Parse(type, name);
        return true;
    }
}
