using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PartnerSim.Inputs.Scenarios;

/// <summary>
/// Bounds what a scenario file can make the loader build, checked on YamlDotNet's event stream before any node
/// is built. A YAML alias is a reference, but turning the document into a scenario tree copies the anchored node
/// at every alias: nine anchors of nine aliases each, under 2 KB of text, would be 9^9 nodes. So each alias counts
/// as the size and height of the node it names, and the counts are those of the tree the loader would build.
/// Real scenarios are a few hundred nodes, a few levels deep, with short values.
/// </summary>
internal static class ScenarioYamlLimits
{
    public const int MaxFileBytes = 1 << 20;
    public const int MaxDepth = 64;
    public const int MaxNodes = 100_000;
    public const int MaxScalarChars = 10_000;

    /// <summary>The first limit the text breaks, located; null if it keeps them all (or is not well-formed YAML,
    /// which the full parse reports).</summary>
    public static ScenarioError? Check(string text, string file)
    {
        var walk = new Walk(file);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
                if (walk.Visit(parser.Current!) is { } error) return error;
        }
        catch (YamlException) { }
        catch (InvalidOperationException) { }
        return null;
    }

    public static ScenarioError? CheckSize(long bytes, string file) => bytes <= MaxFileBytes ? null : TooBig(file);

    /// <summary>
    /// Reads a scenario file, but never more than the limit: its length is not trusted (a file may grow while
    /// read, and a device such as <c>/dev/zero</c> has no end), so at most one byte past the limit is read.
    /// </summary>
    /// <returns>The text, or null with <paramref name="tooBig"/> set.</returns>
    public static string? Read(string path, string display, out ScenarioError? tooBig)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var bytes = new byte[MaxFileBytes + 1];
        int n = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        tooBig = n > MaxFileBytes ? TooBig(display) : null;
        if (tooBig is not null) return null;
        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(bytes, 0, n), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static ScenarioError TooBig(string file) =>
        new(file, 1, 1, "", $"the file is larger than {MaxFileBytes} bytes (1 MiB), the limit for a scenario file");

    /// <summary>A collection being read: where the walk is inside it (for the key path) and what it holds so far.</summary>
    private sealed class Open(bool mapping, string? anchor, long nodesBefore)
    {
        public bool Mapping { get; } = mapping;
        public string? Anchor { get; } = anchor;
        public long NodesBefore { get; } = nodesBefore;
        public int Height { get; set; } = 1;
        public bool AtKey { get; set; } = true;
        public string? Key { get; set; }
        public int Index { get; set; }
    }

    private readonly record struct Size(long Nodes, int Height);

    private sealed class Walk(string file)
    {
        private readonly Dictionary<string, Size> _anchors = new(StringComparer.Ordinal);
        private readonly List<Open> _open = [];
        private long _nodes;

        public ScenarioError? Visit(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    _anchors.Clear(); // anchors are per document
                    return null;
                case Scalar s:
                    if (s.Value.Length > MaxScalarChars)
                        return Error(e, $"a value of {s.Value.Length} characters; the limit is {MaxScalarChars}");
                    return Add(e, new Size(1, 0), s.Anchor, s.Value);
                case AnchorAlias a:
                    // The nearest anchor before an alias is the one it names: an open node's, if any, makes a cycle.
                    var name = a.Value.Value;
                    if (_open.Any(o => o.Anchor == name)) return Error(e, $"alias *{name} is inside the node it names (a cycle)");
                    if (!_anchors.TryGetValue(name, out var named)) return Error(e, $"alias *{name} has no anchor &{name} before it");
                    return Add(e, named, AnchorName.Empty, null, name);
                case MappingStart or SequenceStart:
                    if (_open.Count + 1 > MaxDepth) return Error(e, $"nested deeper than {MaxDepth} levels");
                    if (++_nodes > MaxNodes) return Error(e, $"more than {MaxNodes} nodes");
                    var anchor = ((NodeEvent)e).Anchor;
                    _open.Add(new Open(e is MappingStart, anchor.IsEmpty ? null : anchor.Value, _nodes - 1));
                    return null;
                case MappingEnd or SequenceEnd:
                    var done = _open[^1];
                    _open.RemoveAt(_open.Count - 1);
                    var size = new Size(_nodes - done.NodesBefore, done.Height);
                    if (done.Anchor is { } a2) _anchors[a2] = size;
                    Completed(size.Height, null);
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A leaf of the walk: a scalar, or an alias standing for a copy of the node it names.</summary>
        private ScenarioError? Add(ParsingEvent e, Size size, AnchorName anchor, string? key, string? alias = null)
        {
            if (_open.Count + size.Height > MaxDepth)
                return Error(e, $"alias *{alias} nests the document deeper than {MaxDepth} levels");
            if (_nodes + size.Nodes > MaxNodes)
                return Error(e, alias is null
                    ? $"more than {MaxNodes} nodes"
                    : $"alias *{alias} copies {size.Nodes} nodes, taking the document past {MaxNodes} (an alias bomb?)");
            _nodes += size.Nodes;
            if (!anchor.IsEmpty) _anchors[anchor.Value] = size;
            Completed(size.Height, key);
            return null;
        }

        /// <summary>Moves the enclosing collection past the node just read.</summary>
        private void Completed(int height, string? key)
        {
            if (_open.Count == 0) return;
            var parent = _open[^1];
            parent.Height = Math.Max(parent.Height, height + 1);
            if (!parent.Mapping) parent.Index++;
            else if (parent.AtKey) (parent.AtKey, parent.Key) = (false, key ?? "?");
            else (parent.AtKey, parent.Key) = (true, null);
        }

        /// <summary>The key path of the node the walk is at, e.g. <c>population.managed[2].share</c>.</summary>
        private string Path()
        {
            var path = "";
            foreach (var o in _open)
            {
                if (!o.Mapping) path = $"{path}[{o.Index}]";
                else if (!o.AtKey) path = ScenarioPaths.Join(path, o.Key!);
            }
            return path;
        }

        private ScenarioError Error(ParsingEvent e, string message) =>
            new(file, (int)e.Start.Line, (int)e.Start.Column, Path(), message);
    }
}
