using System.Text.RegularExpressions;
using PartnerSim.Model.Options;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PartnerSim.Inputs.Scenarios;

/// <summary>
/// Reads a scenario YAML file into <see cref="ScenarioOptions"/>: keys are the options' camelCase property
/// names (matched case-insensitively), unspecified values keep the rule book's defaults. Supports a top-level
/// <c>extends: base.yaml</c> (deep merge, chains allowed) and the shortcuts <c>name:</c> / <c>description:</c>
/// for <c>run.name</c> / <c>run.description</c>. Every problem found (syntax, unknown key, wrong type, out of
/// range) is collected and thrown at once as a <see cref="ScenarioException"/>.
/// </summary>
public static partial class ScenarioLoader
{
    public static ScenarioOptions Load(string path)
    {
        string? text;
        ScenarioError? tooBig;
        try { text = ScenarioYamlLimits.Read(path, path, out tooBig); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 1, 1, "", $"cannot read the scenario file: {e.Message}")]);
        }
        if (tooBig is not null) throw new ScenarioException([tooBig]);
        return LoadText(text!, path);
    }

    public static ScenarioOptions LoadText(string yaml, string fileName)
    {
        if (ScenarioYamlLimits.CheckSize(System.Text.Encoding.UTF8.GetByteCount(yaml), fileName) is { } tooBig)
            throw new ScenarioException([tooBig]);
        var errors = new List<ScenarioError>();
        var fullPath = Path.GetFullPath(fileName);
        var tree = ReadTree(yaml, fileName, fullPath, [fileName], [fullPath], errors);

        var binder = new ScenarioBinder(errors);
        var options = binder.BindRoot(tree, fileName);

        foreach (var (keyPath, message) in ScenarioValidator.Validate(options))
        {
            var at = binder.Locate(keyPath);
            errors.Add(at is null
                ? new ScenarioError(fileName, 1, 1, keyPath, message)
                : new ScenarioError(at.File, at.Line, at.Column, keyPath, message));
        }

        if (errors.Count > 0)
        {
            var fileOrder = errors.Select(e => e.File).Distinct().ToList();
            throw new ScenarioException(errors
                .OrderBy(e => fileOrder.IndexOf(e.File)).ThenBy(e => e.Line).ThenBy(e => e.Column)
                .ToList());
        }
        return options;
    }

    /// <summary>Parses one file, follows its <c>extends</c> chain and returns the merged mapping (null if unreadable).</summary>
    private static SMapping? ReadTree(string text, string display, string fullPath,
        List<string> chainDisplay, List<string> chainFull, List<ScenarioError> errors)
    {
        var root = Parse(text, display, errors);
        if (root is null) return null;

        SMapping? baseTree = null;
        var ei = root.IndexOf("extends");
        if (ei >= 0)
        {
            var entry = root.Entries[ei];
            root.Entries.RemoveAt(ei);
            baseTree = ReadBase(entry, display, fullPath, chainDisplay, chainFull, errors);
        }

        MoveShortcut(root, "name", errors);
        MoveShortcut(root, "description", errors);

        if (baseTree is null) return root;
        // A scenario's name is its own: a base file's name is not inherited.
        if (baseTree.IndexOf("run") is var ri and >= 0 && baseTree.Entries[ri].Value is SMapping baseRun
            && baseRun.IndexOf("name") is var ni and >= 0)
            baseRun.Entries.RemoveAt(ni);
        return SNodeConvert.Merge(baseTree, root);
    }

    private static SMapping? ReadBase(SEntry entry, string display, string fullPath,
        List<string> chainDisplay, List<string> chainFull, List<ScenarioError> errors)
    {
        if (entry.Value is not SScalar { Value: { Length: > 0 } target } v)
        {
            errors.Add(new ScenarioError(display, entry.Value.Line, entry.Value.Column, "extends",
                "expected the path of the scenario file to extend"));
            return null;
        }
        var targetDisplay = Path.Combine(Path.GetDirectoryName(display) ?? "", target);
        var targetFull = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath) ?? "", target));

        var seen = chainFull.FindIndex(p => string.Equals(p, targetFull, StringComparison.Ordinal));
        if (seen >= 0)
        {
            var cycle = chainDisplay.Skip(seen).Append(targetDisplay).Select(Path.GetFileName);
            errors.Add(new ScenarioError(display, v.Line, v.Column, "extends", $"extends cycle: {string.Join(" -> ", cycle)}"));
            return null;
        }
        if (!File.Exists(targetFull))
        {
            errors.Add(new ScenarioError(display, v.Line, v.Column, "extends", $"extends target '{target}' not found ({targetFull})"));
            return null;
        }
        string? text;
        ScenarioError? tooBig;
        try { text = ScenarioYamlLimits.Read(targetFull, targetDisplay, out tooBig); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ScenarioError(display, v.Line, v.Column, "extends", $"cannot read '{target}': {e.Message}"));
            return null;
        }
        if (tooBig is not null)
        {
            errors.Add(tooBig);
            return null;
        }
        return ReadTree(text!, targetDisplay, targetFull, [.. chainDisplay, targetDisplay], [.. chainFull, targetFull], errors);
    }

    private static SMapping? Parse(string text, string display, List<ScenarioError> errors)
    {
        // Before anything is built: the tree below copies every alias, so an alias bomb must not reach it.
        if (ScenarioYamlLimits.Check(text, display) is { } overLimit)
        {
            errors.Add(overLimit);
            return null;
        }
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = MarkPrefix().Replace(e.Message, "");
            if (e.InnerException is { } inner && message.Contains("See inner exception", StringComparison.Ordinal))
                message = MarkPrefix().Replace(inner.Message, "");
            errors.Add(new ScenarioError(display, (int)e.Start.Line, (int)e.Start.Column, "", $"malformed YAML: {message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way at the end of input (e.g. an unclosed '[' or '{').
            var at = parser.Current?.End;
            errors.Add(new ScenarioError(display, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1), "",
                "malformed YAML: unexpected end of input (unclosed bracket or quote?)"));
            return null;
        }

        if (stream.Documents.Count == 0) return new SMapping(display, 1, 1, []);
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            errors.Add(new ScenarioError(display, (int)second.Start.Line, (int)second.Start.Column, "",
                "a scenario file holds one YAML document"));
        }
        var node = SNodeConvert.From(stream.Documents[0].RootNode, display, errors, "");
        return node switch
        {
            SMapping m => m,
            SScalar { Value: null } => new SMapping(display, 1, 1, []),
            _ => Fail(),
        };

        SMapping? Fail()
        {
            errors.Add(new ScenarioError(display, node.Line, node.Column, "", "expected a mapping of scenario keys at the top level"));
            return null;
        }
    }

    /// <summary>Turns a top-level <c>name:</c> / <c>description:</c> into <c>run.name</c> / <c>run.description</c>.</summary>
    private static void MoveShortcut(SMapping root, string key, List<ScenarioError> errors)
    {
        var i = root.IndexOf(key);
        if (i < 0) return;
        var entry = root.Entries[i];
        root.Entries.RemoveAt(i);

        var ri = root.IndexOf("run");
        if (ri < 0)
        {
            root.Entries.Add(new SEntry(new SScalar(entry.Key.File, entry.Key.Line, entry.Key.Column, "run"),
                new SMapping(entry.Key.File, entry.Key.Line, entry.Key.Column, [entry])));
            return;
        }
        var run = root.Entries[ri];
        switch (run.Value)
        {
            case SMapping m when m.IndexOf(key) >= 0:
                errors.Add(new ScenarioError(entry.Key.File, entry.Key.Line, entry.Key.Column, key,
                    $"'{key}' and 'run.{key}' are both given; keep one"));
                break;
            case SMapping m:
                m.Entries.Add(entry);
                break;
            case SScalar { Value: null }:
                root.Entries[ri] = run with { Value = new SMapping(run.Value.File, run.Value.Line, run.Value.Column, [entry]) };
                break;
            default:
                break; // the binder reports 'run' not being a mapping
        }
    }

    /// <summary>
    /// One YAML file as a located tree, read exactly as a scenario file is (same syntax errors and limits), for the
    /// files written in the scenario style that are not scenarios themselves, such as experiments.
    /// </summary>
    internal static SMapping? ReadYaml(string text, string display, List<ScenarioError> errors) => Parse(text, display, errors);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
