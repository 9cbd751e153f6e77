using System.Text;
using PartnerSim.Inputs.Scenarios;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Inputs;

/// <summary>
/// Hostile and huge scenario files are refused by the loader's limits, with the file, line, column and key
/// path of the first node over a limit, before the document is turned into a tree. Locations are worked out by
/// hand from the text (YamlDotNet counts lines and columns from 1; the top-level mapping is nesting level 1).
/// </summary>
public sealed class ScenarioLimitsTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private static ScenarioError Refused(string yaml, string file = "s.yaml") =>
        Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(yaml, file)).Errors);

    /// <summary>
    /// The classic "billion laughs": nine anchors, each a list of nine aliases of the one before; 9^9 lists of
    /// "lol" once expanded, from under 400 bytes.
    /// </summary>
    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++)
            yaml.Append($"{c}: &{c} [{string.Join(',', Enumerable.Repeat($"*{(char)(c - 1)}", 9))}]\n");
        return yaml.ToString();
    }

    // Node counts by hand: a = 1 list + 9 scalars = 10; b = 1 + 9·10 = 91; c = 1 + 9·91 = 820; d = 7381;
    // e = 1 + 9·7381 = 66430. Before f's first alias: the root mapping 1, keys a…f 6, lists a…e 74732, list f 1
    // = 74740, and *e would add 66430 > 100000. "f: &f [*e" puts that alias at column 8 of line 6.
    private const string BombError = "bomb.yaml:6:8: f[0]: alias *e copies 66430 nodes, taking the document past 100000 (an alias bomb?)";

    [Fact]
    public void AliasBomb_IsRefusedAtTheAliasThatBreaksTheNodeLimit()
    {
        var bomb = AliasBomb();
        Assert.True(Encoding.UTF8.GetByteCount(bomb) < 2048);
        Assert.Equal(BombError, Refused(bomb, "bomb.yaml").ToString());
    }

    [Fact]
    public void AliasBomb_CliExits2Quickly_UnderASmallHeapLimit()
    {
        var bomb = _tmp.Write("bomb.yaml", AliasBomb());
        var r = ChildCli.Run(TimeSpan.FromSeconds(60), ChildCli.SmallHeap, "validate", bomb);
        Assert.True(r.Finished, $"validate did not finish: {r}");
        Assert.True(r.Code == 2, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.Equal("error: " + BombError.Replace("bomb.yaml", bomb), line);
        // Start-up is most of it (~0.3 s here); expanding the aliases took 13 GB and 100 s before it was killed.
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(10), $"took {r.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void AliasInsideTheNodeItNames_IsACycle_NotAStackOverflow()
    {
        // "run: &r [*r]": the alias is the first item of the list it names; '*' is column 10.
        Assert.Equal("s.yaml:2:10: run[0]: alias *r is inside the node it names (a cycle)",
            Refused("name: x\nrun: &r [*r]\n").ToString());
        Assert.Equal("s.yaml:3:10: run.extra: alias *r is inside the node it names (a cycle)",
            Refused("name: x\nrun: &r\n  extra: *r\n").ToString());
    }

    [Fact]
    public void AliasWithoutAnchor_IsLocated()
    {
        Assert.Equal("s.yaml:2:6: run: alias *nope has no anchor &nope before it", Refused("name: x\nrun: *nope\n").ToString());
    }

    [Fact]
    public void ModestAliases_StillLoad()
    {
        var o = ScenarioLoader.LoadText("""
            name: shared-engagement
            population:
              engagement:
                gold: &same { mean: 0.8, sd: 0.05 }
                premier: *same
            """, "aliases.yaml");
        Assert.Equal(0.8, o.Population.Engagement.Gold.Mean);
        Assert.Equal(0.8, o.Population.Engagement.Premier.Mean);
        Assert.Equal(0.05, o.Population.Engagement.Premier.Sd);
    }

    [Fact]
    public void DeepFlowNesting_IsRefusedAtLevel65()
    {
        // "run: " is 5 columns; the k-th '[' (column 5 + k) opens level k + 1, so level 65 is the 64th, column 69,
        // inside 63 lists each at its item 0.
        var e = Refused("name: x\nrun: " + new string('[', 70) + new string(']', 70) + "\n");
        Assert.Equal((2, 69), (e.Line, e.Column));
        Assert.Equal("run" + string.Concat(Enumerable.Repeat("[0]", 63)), e.KeyPath);
        Assert.Equal("nested deeper than 64 levels", e.Message);
    }

    [Fact]
    public void Nesting_Of64Levels_IsWithinTheLimit()
    {
        // 63 lists under the top-level mapping: the binder refuses 'run' being a list, the limit says nothing.
        var e = Refused("name: x\nrun: " + new string('[', 63) + new string(']', 63) + "\n");
        Assert.DoesNotContain("nested deeper", e.Message);
        Assert.Equal("run", e.KeyPath);
    }

    [Fact]
    public void DeepBlockNesting_IsRefused()
    {
        // k0 on line 2 at column 1, k_i on line i + 2 at column 2i + 1; k_i's value is a mapping at level i + 2, so
        // level 65 is k63's value, which starts at k64: line 66, column 129.
        var yaml = "name: x\n" + string.Concat(Enumerable.Range(0, 80).Select(i => new string(' ', 2 * i) + $"k{i}:\n"));
        var e = Refused(yaml);
        Assert.Equal((66, 129), (e.Line, e.Column));
        Assert.Equal(string.Join('.', Enumerable.Range(0, 64).Select(i => $"k{i}")), e.KeyPath);
        Assert.Equal("nested deeper than 64 levels", e.Message);
    }

    [Fact]
    public void AliasThatWouldNestTooDeep_IsRefused()
    {
        // &d names 40 nested lists; placed at level 30 a copy would reach level 69.
        var deep = new string('[', 40) + new string(']', 40);
        var inner = new string('[', 28);
        var e = Refused($"name: x\na: &d {deep}\nrun: {inner}*d{new string(']', 28)}\n");
        Assert.Equal((3, 6 + 28), (e.Line, e.Column));
        Assert.Equal("alias *d nests the document deeper than 64 levels", e.Message);
    }

    [Fact]
    public void HugeNodeCount_IsRefusedAtNode100001()
    {
        // Nodes: the root mapping, name, x, run (4), the list (5), then item j is node 6 + j: node 100001 is item
        // 99995, at column 7 + 2·99995.
        var e = Refused("name: x\nrun: [" + string.Join(',', Enumerable.Repeat("1", 150_000)) + "]\n");
        Assert.Equal("s.yaml:2:199997: run[99995]: more than 100000 nodes", e.ToString());
    }

    [Fact]
    public void LongScalar_IsRefused_AtTheLimitItLoads()
    {
        var e = Refused("name: x\nrun:\n  description: " + new string('x', 10_001) + "\n");
        Assert.Equal("s.yaml:3:16: run.description: a value of 10001 characters; the limit is 10000", e.ToString());

        var o = ScenarioLoader.LoadText("name: x\nrun:\n  description: " + new string('x', 10_000) + "\n", "s.yaml");
        Assert.Equal(10_000, o.Run.Description!.Length);
    }

    private static string PaddedTo(int bytes, string yaml) => yaml + "#" + new string('x', bytes - yaml.Length - 2) + "\n";

    [Fact]
    public void OversizeFile_IsRefusedWithoutParsing_AtTheLimitItLoads()
    {
        const string Limit = "the file is larger than 1048576 bytes (1 MiB), the limit for a scenario file";
        var over = _tmp.Write("over.yaml", PaddedTo((1 << 20) + 1, "name: over\n"));
        Assert.Equal((1 << 20) + 1, new FileInfo(over).Length);
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(over)).Errors);
        Assert.Equal($"{over}:1:1: {Limit}", e.ToString());

        var at = _tmp.Write("at.yaml", PaddedTo(1 << 20, "name: at-the-limit\n"));
        Assert.Equal(1 << 20, new FileInfo(at).Length);
        Assert.Equal("at-the-limit", ScenarioLoader.Load(at).Run.Name);

        // through extends, the oversize base file is named
        var child = _tmp.Write("child.yaml", "extends: over.yaml\nname: child\n");
        e = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(child)).Errors);
        Assert.Equal($"{Path.Combine(_tmp.Path, "over.yaml")}:1:1: {Limit}", e.ToString());

        // text handed in directly (sweep variants) is held to the same limit
        Assert.Equal($"big.yaml:1:1: {Limit}", Refused(PaddedTo((1 << 20) + 1, "name: big\n"), "big.yaml").ToString());
    }

    [Fact]
    public void EndlessFile_IsReadOnlyUpToTheLimit()
    {
        if (!File.Exists("/dev/zero")) return; // a device with no end exists on Linux and macOS only
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("/dev/zero")).Errors);
        Assert.Contains("larger than 1048576 bytes", e.Message);
    }
}
