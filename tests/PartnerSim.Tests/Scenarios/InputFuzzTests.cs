using System.Text;
using System.Text.RegularExpressions;
using PartnerSim.Tests.Inputs;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Scenarios;

/// <summary>
/// Deterministic fuzz: randomly mutated scenario files and rosters go through <c>validate</c> and
/// <c>run</c>; every outcome must be success (exit 0, summary.json written) or bad input (exit 2, an
/// "error:" line, no output directory), never exit 1 and never an exception escaping the CLI. YAML-structure
/// mutations (anchors and aliases, alias bombs, deep nesting, long values, huge lists, oversize files) go
/// through a child process under a small heap, so that a limit that fails cannot take the test host with it.
/// </summary>
[Collection("Console")]
public sealed partial class InputFuzzTests : IDisposable
{
    private static readonly TimeSpan PerCall = TimeSpan.FromSeconds(30);

    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private static readonly string[] NumberValues =
    [
        "-1", "0", "-0.5", "0.5", "1", "2", "1e308", "1e400", "-1e400", ".nan", "NaN", ".inf", "-.inf", "1e-320",
        "99999999999999999999", "2147483648", "-2147483649", "4294967296", "18446744073709551616", "0x10", "1_000",
    ];

    private static readonly string[] StringValues =
    [
        "banana", "'quoted'", "\"dq\"", "[1, 2]", "{a: 1}", "~", "", "true", "null", "- x", "FY26Q9", "FY99Q1", ">",
        "\">=\"", "basic", "half", "networking", "*anchor", "&a 3", "!!str 5", "|", ">-", "'", "\"", "[", "{",
    ];

    private static readonly string[] YamlInserts =
        [":", "[", "]", "{", "}", "\t", "  ", "#", "-", "\"", "'", "&a ", "*a", "!!int ", "%", "\n", "?", ",", "|", ">", "@", "`", "x: 1\n", "\u00e9", "\0"];

    private static readonly string[] CsvInserts =
        [",", ";", "-", ".", "e", "\t", "\"", " ", "\n", "x", "NaN", "Infinity", "1e400", "9", "0", "\r", "\u00e9", "\0"];

    private static readonly string[] CsvNumbers =
        ["-1", "0", "NaN", "Infinity", "-Infinity", "1e308", "1e400", "-1e308", "99999999999999999999", "2147483648", "-2147483648", "0.0000001", "1e15", "1,5"];

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^(\s*-?\s*[A-Za-z_][\w]*\s*:\s*)(\S.*)$")]
    private static partial Regex KeyValueLine();

    private static string Mutate(string text, Random rng, string[] inserts, string[] numbers, string[] strings, bool csv, out string what)
    {
        var lines = text.Split('\n').ToList();
        switch (rng.Next(7))
        {
            case 0:
            {
                int i = rng.Next(lines.Count);
                what = $"delete line {i + 1}";
                lines.RemoveAt(i);
                return string.Join('\n', lines);
            }
            case 1:
            {
                int i = rng.Next(lines.Count), at = rng.Next(lines.Count + 1);
                what = $"duplicate line {i + 1} at {at + 1}";
                lines.Insert(at, lines[i]);
                return string.Join('\n', lines);
            }
            case 2:
            {
                if (text.Length < 2) { what = "swap (too short)"; return text; }
                int a = rng.Next(text.Length), b = rng.Next(2) == 0 ? Math.Min(text.Length - 1, a + 1) : rng.Next(text.Length);
                var c = text.ToCharArray();
                (c[a], c[b]) = (c[b], c[a]);
                what = $"swap chars {a} and {b}";
                return new string(c);
            }
            case 3:
            {
                var sb = new StringBuilder(text);
                int n = 1 + rng.Next(3);
                var inserted = new List<string>();
                for (int k = 0; k < n; k++)
                {
                    var s = rng.Next(4) == 0 ? ((char)rng.Next(32, 127)).ToString() : inserts[rng.Next(inserts.Length)];
                    int at = rng.Next(sb.Length + 1);
                    sb.Insert(at, s);
                    inserted.Add($"{Escape(s)}@{at}");
                }
                what = $"insert {string.Join(' ', inserted)}";
                return sb.ToString();
            }
            case 4:
            {
                var matches = NumberToken().Matches(text);
                if (matches.Count == 0) { what = "no number"; return text; }
                var m = matches[rng.Next(matches.Count)];
                var v = rng.Next(3) == 0
                    ? (rng.NextDouble() * 2e6 - 1e6).ToString(rng.Next(2) == 0 ? "F0" : "R", System.Globalization.CultureInfo.InvariantCulture)
                    : numbers[rng.Next(numbers.Length)];
                what = $"number '{m.Value}'@{m.Index} -> '{v}'";
                return text[..m.Index] + v + text[(m.Index + m.Length)..];
            }
            case 5:
            {
                var v = strings[rng.Next(strings.Length)];
                if (csv)
                {
                    var rows = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(',')).ToList();
                    int li = rows[rng.Next(rows.Count)];
                    var cells = lines[li].Split(',');
                    int ci = rng.Next(cells.Length);
                    what = $"cell line {li + 1} col {ci} '{cells[ci]}' -> '{Escape(v)}'";
                    cells[ci] = v;
                    lines[li] = string.Join(',', cells);
                    return string.Join('\n', lines);
                }
                var candidates = Enumerable.Range(0, lines.Count).Where(i => KeyValueLine().IsMatch(lines[i])).ToList();
                if (candidates.Count == 0) { what = "no value"; return text; }
                int l = candidates[rng.Next(candidates.Count)];
                var match = KeyValueLine().Match(lines[l]);
                what = $"value line {l + 1} '{match.Groups[2].Value}' -> '{Escape(v)}'";
                lines[l] = match.Groups[1].Value + v;
                return string.Join('\n', lines);
            }
            default:
            {
                int at = rng.Next(text.Length + 1);
                what = $"truncate at {at}";
                return text[..at];
            }
        }
    }

    private static string Escape(string s) => s.Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\0", "\\0");

    /// <summary>Runs one command with a time limit; returns a failure description or null.</summary>
    private static async Task<(CliRunner.Result? result, string? failure)> Call(string[] args)
    {
        Task<CliRunner.Result> task;
        try { task = CliRunner.Run(args); }
        catch (Exception e) { return (null, $"exception escaped: {e.GetType().Name}: {e.Message}"); }
        if (await Task.WhenAny(task, Task.Delay(PerCall)) != task)
            throw new TimeoutException($"{string.Join(' ', args)} did not finish in {PerCall.TotalSeconds} s");
        try { return (await task, null); }
        catch (Exception e) { return (null, $"exception escaped: {e.GetType().Name}: {e.Message}"); }
    }

    /// <summary>Checks one outcome against the contract; returns a failure description or null.</summary>
    private static string? Check(CliRunner.Result? r, string? failure, string? outDir)
    {
        if (failure is not null) return failure;
        if (r!.Code == 0)
        {
            if (outDir is not null && !File.Exists(Path.Combine(outDir, "summary.json"))) return "exit 0 but no summary.json";
            return null;
        }
        if (r.Code != 2) return $"exit {r.Code}: {Trim(r.Err)}";
        if (!r.ErrLines.Any(l => l.StartsWith("error:", StringComparison.Ordinal))) return $"exit 2 without an 'error:' line: {Trim(r.Err)}";
        if (outDir is not null && Directory.Exists(outDir)) return "exit 2 but the output directory was created";
        return null;
    }

    private static string Trim(string s) => s.Length > 400 ? s[..400] + "…" : s;

    /// <summary>The shipped scenarios (and what they extend) copied to a folder; returns it and the YAML originals in order.</summary>
    private (string dir, string[] yamls) CopyOfTheScenarios(string folder)
    {
        var dir = Directory.CreateDirectory(_tmp.File(folder)).FullName;
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "scenarios"));
        foreach (var f in sources) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return (dir, sources.Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task MutatedScenarios_SucceedOrFailCleanly()
    {
        var (dir, yamls) = CopyOfTheScenarios("scenarios");
        Assert.True(yamls.Length >= 11);

        var rng = new Random(4_2026);
        var failures = new List<string>();
        int perFile = (int)Math.Ceiling(150.0 / yamls.Length), n = 0, ok = 0, bad = 0;
        foreach (var yaml in yamls)
        {
            var original = File.ReadAllText(yaml).ReplaceLineEndings("\n");
            // the unmutated file runs
            var outDir0 = Path.Combine(_tmp.Path, $"out-orig-{n}");
            var (r0, f0) = await Call(["run", Path.Combine(dir, Path.GetFileName(yaml)), "--partners", "50", "--quarters", "2", "--engine", "inproc", "--quiet", "--out", outDir0]);
            Assert.True(f0 is null && r0!.Code == 0, $"{Path.GetFileName(yaml)} unmutated: {f0 ?? r0!.ToString()}");

            for (int k = 0; k < perFile; k++, n++)
            {
                var text = Mutate(original, rng, YamlInserts, NumberValues, StringValues, csv: false, out var what);
                var path = Path.Combine(dir, $"fuzz-{n:D3}.yaml");
                File.WriteAllText(path, text);
                var label = $"#{n} {Path.GetFileName(yaml)} [{what}]";

                var (vr, vf) = await Call(["validate", path]);
                if (Check(vr, vf, null) is { } vfail) failures.Add($"{label} validate: {vfail}");

                var outDir = Path.Combine(_tmp.Path, $"out-{n:D3}");
                var (rr, rf) = await Call(["run", path, "--partners", "50", "--quarters", "2", "--engine", "inproc", "--quiet", "--out", outDir]);
                if (Check(rr, rf, outDir) is { } rfail) failures.Add($"{label} run: {rfail}");
                if (vr is { Code: 2 } && rr is { Code: not 2 }) failures.Add($"{label}: validate exit 2 but run exit {rr.Code}");
                if (rr?.Code == 0) ok++; else if (rr?.Code == 2) bad++;
                File.Delete(path);
            }
        }
        Assert.True(n >= 150, $"{n} mutations");
        Assert.True(ok > 0 && bad > 0, $"the fuzz should see both outcomes (ok {ok}, bad {bad})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {n} mutations broke the contract:\n" + string.Join('\n', failures.Take(25)));
    }

    /// <summary>Replaces the value of a random <c>key: value</c> line, or adds a top-level entry, with YAML structure.</summary>
    private static string MutateStructure(string text, Random rng, out string what)
    {
        var lines = text.Split('\n').ToList();
        var values = Enumerable.Range(0, lines.Count).Where(i => KeyValueLine().IsMatch(lines[i])).ToList();
        int at = values[rng.Next(values.Count)];
        var key = KeyValueLine().Match(lines[at]).Groups[1].Value;
        void Set(string value) => lines[at] = key + value;
        string Join() => string.Join('\n', lines);
        int Pick(params int[] choices) => choices[rng.Next(choices.Length)];

        switch (rng.Next(8))
        {
            case 0:
            {
                // an anchor on one value and an alias of it on another (dangling if the alias comes first)
                int other = values[rng.Next(values.Count)];
                var otherKey = KeyValueLine().Match(lines[other]).Groups[1].Value;
                lines[at] = key + "&v " + KeyValueLine().Match(lines[at]).Groups[2].Value;
                if (other != at) lines[other] = otherKey + "*v";
                what = $"anchor line {at + 1}, alias line {other + 1}";
                return Join();
            }
            case 1:
            {
                var cycle = Pick(0, 1) == 0 ? "&c [*c]" : "&c {k: [1, *c]}";
                Set(cycle);
                what = $"cycle '{cycle}' at line {at + 1}";
                return Join();
            }
            case 2:
            {
                // levels anchors of fan aliases each: (fan^levels) leaves, over the node limit from 9^6 on
                int levels = 2 + rng.Next(8), fan = 2 + rng.Next(8);
                var bomb = new StringBuilder($"b0: &b0 [{string.Join(',', Enumerable.Repeat("lol", fan))}]\n");
                for (int l = 1; l < levels; l++)
                    bomb.Append($"b{l}: &b{l} [{string.Join(',', Enumerable.Repeat($"*b{l - 1}", fan))}]\n");
                what = $"alias bomb {fan}^{levels}";
                return text.TrimEnd('\n') + "\n" + bomb;
            }
            case 3:
            {
                int depth = Pick(1, 2, 40, 62, 63, 64, 65, 200, 5000);
                Set(new string('[', depth) + "1" + new string(']', depth));
                what = $"flow nesting {depth} at line {at + 1}";
                return Join();
            }
            case 4:
            {
                int depth = Pick(1, 30, 62, 63, 64, 200);
                var indent = key.Length - key.TrimStart().Length;
                Set("");
                lines.InsertRange(at + 1, Enumerable.Range(0, depth).Select(i =>
                    new string(' ', indent + 2 * (i + 1)) + $"k{i}:" + (i == depth - 1 ? " 1" : "")));
                what = $"block nesting {depth} at line {at + 1}";
                return Join();
            }
            case 5:
            {
                int length = Pick(9_990, 10_000, 10_001, 300_000);
                Set("'" + new string('x', length) + "'");
                what = $"scalar of {length} characters at line {at + 1}";
                return Join();
            }
            case 6:
            {
                int items = Pick(10, 99_000, 100_000, 400_000);
                Set("[" + string.Join(',', Enumerable.Repeat("1", items)) + "]");
                what = $"list of {items} at line {at + 1}";
                return Join();
            }
            default:
            {
                int bytes = Encoding.UTF8.GetByteCount(text);
                int pad = (1 << 20) - bytes + Pick(-10, -1, 0, 1, 1000);
                what = $"padded to {bytes + pad} bytes";
                return pad < 2 ? text : text + "#" + new string('x', pad - 2) + "\n";
            }
        }
    }

    [Fact]
    public async Task StructureMutatedScenarios_AreRefusedOrLoad_UnderASmallHeap()
    {
        var (dir, yamls) = CopyOfTheScenarios("structure");

        var rng = new Random(2026_0042);
        var mutations = new List<(string path, string label)>();
        for (int n = 0; n < 64; n++)
        {
            var yaml = yamls[n % yamls.Length];
            var text = MutateStructure(File.ReadAllText(yaml).ReplaceLineEndings("\n"), rng, out var what);
            var path = Path.Combine(dir, $"structure-{n:D3}.yaml");
            File.WriteAllText(path, text);
            mutations.Add((path, $"#{n} {Path.GetFileName(yaml)} [{what}]"));
        }

        // one child process validates them all: bounded in heap and time, a crash shows as its exit code
        var r = ChildCli.Run(TimeSpan.FromSeconds(60), ChildCli.SmallHeap, ["validate", .. mutations.Select(m => m.path)]);
        Assert.True(r.Finished, $"validate did not finish: {Trim(r.ToString())}");
        Assert.True(r.Code is 0 or 2, Trim(r.ToString()));
        Assert.All(r.ErrLines, l => Assert.StartsWith("error: ", l));

        var failures = new List<string>();
        var loaded = new List<(string path, string label)>();
        foreach (var (path, label) in mutations)
        {
            bool ok = r.OutLines.Any(l => l.StartsWith($"ok: {path} ", StringComparison.Ordinal));
            bool refused = r.ErrLines.Any(l => l.StartsWith($"error: {path}:", StringComparison.Ordinal));
            if (ok == refused) failures.Add($"{label}: {(ok ? "both ok and refused" : "neither ok nor refused")}");
            if (ok) loaded.Add((path, label));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(loaded.Count > 0 && loaded.Count < mutations.Count, $"the fuzz should see both outcomes ({loaded.Count} of {mutations.Count} loaded)");
        foreach (var limit in new[] { "(an alias bomb?)", "(a cycle)", "nested deeper than 64 levels", "more than 100000 nodes",
                     "the limit is 10000", "the limit for a scenario file" })
            Assert.True(r.ErrLines.Any(l => l.Contains(limit, StringComparison.Ordinal)), $"no mutation reached '{limit}'");

        // the files validate accepted also run, in process
        foreach (var (path, label) in loaded)
        {
            var outDir = _tmp.File("out-" + Path.GetFileNameWithoutExtension(path));
            var (rr, rf) = await Call(["run", path, "--partners", "50", "--quarters", "2", "--engine", "inproc", "--quiet", "--out", outDir]);
            if (Check(rr, rf, outDir) is { } fail) failures.Add($"{label} run: {fail}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task MutatedRosters_SucceedOrFailCleanly()
    {
        var baseCsv = _tmp.File("base.csv");
        var export = await CliRunner.Run("roster", "export", "--partners", "6", "--seed", "3", "--out", baseCsv);
        Assert.True(export.Code == 0, export.ToString());
        var original = File.ReadAllText(baseCsv).ReplaceLineEndings("\n");
        var scenario = _tmp.Write("fuzz.yaml", "name: fuzz-roster\nrun:\n  seed: 3\n  quarters: 2\npopulation:\n  roster: r.csv\n");

        var rng = new Random(4_0004);
        var failures = new List<string>();
        int ok = 0, bad = 0;
        const int count = 100;
        for (int n = 0; n < count; n++)
        {
            var text = Mutate(original, rng, CsvInserts, CsvNumbers, StringValues, csv: true, out var what);
            File.WriteAllText(_tmp.File("r.csv"), text);
            bool skip = n % 3 == 2;
            var label = $"#{n} [{what}]{(skip ? " --skip-bad-rows" : "")}";
            var outDir = _tmp.File($"out-{n:D3}");
            string[] args = ["run", scenario, "--partners", "50", "--quarters", "2", "--engine", "inproc", "--quiet", "--out", outDir];
            var (r, f) = await Call(skip ? [.. args, "--skip-bad-rows"] : args);
            if (Check(r, f, outDir) is { } fail) failures.Add($"{label}: {fail}");
            if (r?.Code == 0) ok++; else if (r?.Code == 2) bad++;
        }
        Assert.True(ok > 0 && bad > 0, $"the fuzz should see both outcomes (ok {ok}, bad {bad})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutations broke the contract:\n" + string.Join('\n', failures.Take(25)));
    }
}
