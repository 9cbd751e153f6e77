using System.Collections;
using System.Globalization;
using System.Reflection;

namespace PartnerSim.Model.Options;

/// <summary>One parameter value a run used, with its provenance and (in the description) its documented range.</summary>
public sealed record Assumption(string Name, string Value, Provenance Provenance, string Description)
{
    /// <summary>The rule book's tag: seed, asm or seed+asm (pub with <c>includePublished</c>).</summary>
    public string Tag => Provenance.Tag();
}

/// <summary>
/// Reads every <see cref="ParamAttribute"/>-tagged option of a scenario, so the run report can list the
/// seed and assumption values it used (rule book: "the report must list every [asm] value a run used"), each
/// described with its range (<see cref="RangeAttribute"/>).
/// </summary>
public static class AssumptionList
{
    public static IReadOnlyList<Assumption> Of(ScenarioOptions options, bool includePublished = false)
    {
        var list = new List<Assumption>();
        Walk(options, "", list, includePublished);
        return list;
    }

    private static void Walk(object node, string prefix, List<Assumption> list, bool includePublished)
    {
        foreach (var prop in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (prop.GetIndexParameters().Length > 0) continue;
            var value = prop.GetValue(node);
            string name = prefix + char.ToLowerInvariant(prop.Name[0]) + prop.Name[1..];
            var tag = prop.GetCustomAttribute<ParamAttribute>();
            if (tag is not null)
            {
                if (includePublished || tag.Tag != Provenance.Pub)
                    list.Add(new Assumption(name, Render(value), tag.Tag, Describe(prop, tag)));
            }
            else if (value is not null && IsOptionsRecord(value.GetType()))
            {
                Walk(value, name + ".", list, includePublished);
            }
        }
    }

    private static string Describe(PropertyInfo prop, ParamAttribute tag) =>
        OptionRanges.Describe(prop) is { Length: > 0 } range ? $"{tag.Description}; range {range}" : tag.Description;

    private static bool IsOptionsRecord(Type t) => t.Namespace == typeof(ScenarioOptions).Namespace && t.IsClass;

    /// <summary>A compact, culture-invariant rendering: scalars as themselves, records as {k: v, …}.</summary>
    public static string Render(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f when value.GetType().IsPrimitive => f.ToString(null, CultureInfo.InvariantCulture),
        Enum e => char.ToLowerInvariant(e.ToString()[0]) + e.ToString()[1..],
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Render)) + "]",
        _ => "{" + string.Join(", ", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..] + ": " + Render(p.GetValue(value)))) + "}",
    };
}
