using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace PartnerSim.Model.Options;

/// <summary>
/// Every number of a scenario's options with the range it must lie in: its own <see cref="RangeAttribute"/>, or
/// else the nearest enclosing option's. Paths are the scenario file's keys (<c>money.landRatePct.networking</c>,
/// <c>population.managed[0].share</c>).
/// </summary>
public static class OptionRanges
{
    /// <summary>A number set in the options, where it is and the range it must lie in (null: none documented).</summary>
    public sealed record Value(string Path, Type Type, double Number, RangeAttribute? Range);

    /// <summary>A number an option holds, by its path below that option ("" for the option itself).</summary>
    public sealed record Declared(string Path, Type Type, RangeAttribute? Range);

    public static bool IsNumeric(Type t) => t == typeof(double) || IsIntegral(t);

    public static bool IsIntegral(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(ulong);

    /// <summary>The settable options of a record: public, writable, not indexers.</summary>
    public static PropertyInfo[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToArray();

    /// <summary>An option's key in a scenario file (camelCase).</summary>
    public static string Key(PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    /// <summary>Every number in <paramref name="options"/> (a <see cref="ScenarioOptions"/> or a part of one).</summary>
    public static IEnumerable<Value> Values(object options)
    {
        var found = new List<Value>();
        Walk(options, "", null, found);
        return found;
    }

    /// <summary>The numbers the option <paramref name="p"/> holds, itself or inside it, with their ranges.</summary>
    public static IReadOnlyList<Declared> Of(PropertyInfo p)
    {
        var found = new List<Declared>();
        Declare(p.PropertyType, "", p.GetCustomAttribute<RangeAttribute>(), found);
        return found;
    }

    /// <summary>
    /// The ranges of an option's numbers in a line: "[0, 1]" for a number, "each [0, 100]" when all share one,
    /// else each by its name ("mean [-100, 1000], sd [0, 1000]"); empty when it holds none.
    /// </summary>
    public static string Describe(PropertyInfo p)
    {
        var numbers = Of(p);
        if (numbers.Count == 0) return "";
        var texts = numbers.Select(n => (Name: n.Path[(n.Path.LastIndexOf('.') + 1)..], Text: n.Range?.Text(n.Type) ?? "undocumented")).ToList();
        var named = texts.DistinctBy(t => t.Name).ToList();
        if (named.Count == 1 && named[0].Name.Length == 0) return named[0].Text;
        if (named.Count > 1 && texts.Select(t => t.Text).Distinct().Count() == 1) return $"each {texts[0].Text}";
        return string.Join(", ", named.Select(t => $"{t.Name} {t.Text}"));
    }

    private static void Walk(object node, string path, RangeAttribute? inherited, List<Value> found)
    {
        foreach (var p in Properties(node.GetType()))
        {
            var range = p.GetCustomAttribute<RangeAttribute>() ?? inherited;
            var key = path.Length == 0 ? Key(p) : $"{path}.{Key(p)}";
            var value = p.GetValue(node);
            if (IsNumeric(p.PropertyType))
                found.Add(new Value(key, p.PropertyType, Convert.ToDouble(value), range));
            else if (value is IList list && p.PropertyType.IsGenericType)
            {
                for (int i = 0; i < list.Count; i++)
                    if (list[i] is { } item && IsRecord(item.GetType())) Walk(item, $"{key}[{i}]", range, found);
            }
            else if (value is not null && IsRecord(p.PropertyType))
                Walk(value, key, range, found);
        }
    }

    private static void Declare(Type type, string path, RangeAttribute? range, List<Declared> found)
    {
        if (IsNumeric(type)) { found.Add(new Declared(path, type, range)); return; }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) type = type.GetGenericArguments()[0];
        if (!IsRecord(type)) return;
        foreach (var p in Properties(type))
            Declare(p.PropertyType, path.Length == 0 ? Key(p) : $"{path}.{Key(p)}", p.GetCustomAttribute<RangeAttribute>() ?? range, found);
    }

    private static bool IsRecord(Type t) => t.IsClass && t != typeof(string)
        && !(t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>));
}
