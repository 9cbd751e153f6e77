using YamlDotNet.RepresentationModel;

namespace PartnerSim.Inputs.Scenarios;

/// <summary>
/// A YAML node that remembers which file it came from, so that after <c>extends</c> merging every value
/// can still be traced to its file, line and column.
/// </summary>
internal abstract class SNode(string file, int line, int column)
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
}

internal sealed class SScalar(string file, int line, int column, string? value) : SNode(file, line, column)
{
    /// <summary>Null for an empty value, <c>~</c> or <c>null</c> (plain style).</summary>
    public string? Value { get; } = value;
}

internal sealed class SSequence(string file, int line, int column, List<SNode> items) : SNode(file, line, column)
{
    public List<SNode> Items { get; } = items;
}

internal sealed class SMapping(string file, int line, int column, List<SEntry> entries) : SNode(file, line, column)
{
    public List<SEntry> Entries { get; } = entries;

    public int IndexOf(string key) => Entries.FindIndex(e => string.Equals(e.Key.Value, key, StringComparison.OrdinalIgnoreCase));
}

internal sealed record SEntry(SScalar Key, SNode Value);

internal static class SNodeConvert
{
    public static SNode From(YamlNode node, string file, List<ScenarioError> errors, string path)
    {
        int line = (int)node.Start.Line, col = (int)node.Start.Column;
        switch (node)
        {
            case YamlScalarNode s:
                var isNull = s.Style == YamlDotNet.Core.ScalarStyle.Plain
                             && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");
                return new SScalar(file, line, col, isNull ? null : s.Value);
            case YamlSequenceNode q:
                var items = new List<SNode>();
                for (int i = 0; i < q.Children.Count; i++)
                    items.Add(From(q.Children[i], file, errors, $"{path}[{i}]"));
                return new SSequence(file, line, col, items);
            case YamlMappingNode m:
                var entries = new List<SEntry>();
                foreach (var (k, v) in m.Children)
                {
                    if (k is not YamlScalarNode ks || ks.Value is null)
                    {
                        errors.Add(new ScenarioError(file, (int)k.Start.Line, (int)k.Start.Column, path,
                            "keys must be plain names"));
                        continue;
                    }
                    var key = new SScalar(file, (int)k.Start.Line, (int)k.Start.Column, ks.Value);
                    entries.Add(new SEntry(key, From(v, file, errors, ScenarioPaths.Join(path, ks.Value))));
                }
                return new SMapping(file, line, col, entries);
            default:
                errors.Add(new ScenarioError(file, line, col, path, "unsupported YAML node"));
                return new SScalar(file, line, col, null);
        }
    }

    /// <summary>Deep merge: mappings merge key by key (case-insensitively), anything else in the child replaces.</summary>
    public static SMapping Merge(SMapping baseMap, SMapping child)
    {
        var entries = new List<SEntry>();
        foreach (var b in baseMap.Entries)
        {
            var i = child.IndexOf(b.Key.Value!);
            if (i < 0) { entries.Add(b); continue; }
            var c = child.Entries[i];
            entries.Add(c.Value switch
            {
                SMapping cm when b.Value is SMapping bm => new SEntry(c.Key, Merge(bm, cm)),
                SScalar { Value: null } when b.Value is SMapping => b with { Key = c.Key },
                _ => c,
            });
        }
        foreach (var c in child.Entries)
            if (baseMap.IndexOf(c.Key.Value!) < 0) entries.Add(c);
        return new SMapping(child.File, child.Line, child.Column, entries);
    }
}

internal static class ScenarioPaths
{
    public static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
