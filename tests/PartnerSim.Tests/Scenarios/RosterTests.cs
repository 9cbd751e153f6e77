using System.Text.Json;
using PartnerSim.Model.Population;
using PartnerSim.Inputs.Rosters;
using PartnerSim.Tests.Inputs;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Scenarios;

/// <summary>
/// Rosters: export → load round trip (also after a spreadsheet has saved it), bad rows refused by line and
/// column, --skip-bad-rows, a file without its header row.
/// </summary>
[Collection("Console")]
public sealed class RosterTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private static readonly string Header = string.Join(',', RosterColumns.Required);

    /// <summary>Five good rows with only the required columns (lines 2–6 of the file).</summary>
    private static readonly string[] Good =
    [
        "1,5000000,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2",
        "2,5000000,10,Select,SelectProvider,Strategist,None,25,None,None,3,1,4,30,20,5",
        "3,250000,-4.5,Registered,None,Unaware,None,4,None,None,0,0,0,0,0,0",
        "4,150000000,6,Gold,GoldProvider,Strategist,None,900,Expert,Intermediate,40.5,28,10,45,60,20",
        "5,20000000,3,Premier,PremierProvider,Waiting,DriveToFive,120,Intermediate,Basic,12,9,3,35,30,8",
    ];

    private static async Task<JsonElement> Summary(string outDir)
    {
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        return doc.RootElement.Clone();
    }

    private async Task<JsonElement> RunOk(string scenario, string outName, params string[] extra)
    {
        var outDir = _tmp.File(outName);
        var r = await CliRunner.Run(["run", scenario, "--quiet", "--out", outDir, .. extra]);
        Assert.True(r.Code == 0, r.ToString());
        return await Summary(outDir);
    }

    // ---------------------------------------------------------------- round trip

    [Fact]
    public async Task Export_ThenLoad_GivesTheSameDigest_AsTheGeneratedPopulation()
    {
        var csv = _tmp.File("r.csv");
        var export = await CliRunner.Run("roster", "export", "--partners", "2000", "--seed", "9", "--out", csv);
        Assert.True(export.Code == 0, export.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal(2001, lines.Length);
        Assert.Equal(string.Join(',', RosterColumns.Required.Concat(RosterColumns.Optional)), lines[0]);

        var fromRoster = _tmp.Write("from-roster.yaml", "name: from-roster\nrun:\n  seed: 9\n  quarters: 4\npopulation:\n  roster: r.csv\n");
        var generated = _tmp.Write("generated.yaml", "name: generated\nrun:\n  seed: 9\n  quarters: 4\npopulation:\n  partners: 2000\n");

        var gen = await RunOk(generated, "gen", "--engine", "inproc");
        var ros = await RunOk(fromRoster, "ros", "--engine", "inproc");
        Assert.Equal(2000, ros.GetProperty("partners").GetInt32());
        Assert.Equal(4, ros.GetProperty("quarters").GetInt32());
        var digest = gen.GetProperty("digest").GetString();
        Assert.Equal(digest, ros.GetProperty("digest").GetString());
        // the same money too, quarter by quarter
        Assert.Equal(gen.GetProperty("perQuarter").GetRawText(), ros.GetProperty("perQuarter").GetRawText());

        var grains = await RunOk(fromRoster, "ros-grains", "--engine", "grains");
        Assert.Equal(digest, grains.GetProperty("digest").GetString());

        // the CLI's --partners/--seed overrides on the generated scenario give the same population as well
        var viaOverrides = await RunOk(RepoPaths.Scenario("cisco360-launch.yaml"), "launch-overrides",
            "--engine", "inproc", "--partners", "2000", "--seed", "9", "--quarters", "4");
        Assert.Equal(digest, viaOverrides.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task RequiredColumnsOnly_LoadAndRun()
    {
        _tmp.Write("r.csv", string.Join('\n', [Header, .. Good]) + "\n");
        var scenario = _tmp.Write("s.yaml", "name: required-only\nrun:\n  quarters: 3\npopulation:\n  roster: r.csv\n");
        var s = await RunOk(scenario, "out", "--engine", "inproc");
        Assert.Equal(Good.Length, s.GetProperty("partners").GetInt32());
        Assert.Equal(3, s.GetProperty("perQuarter").GetArrayLength());
        Assert.Equal(Good.Length, s.GetProperty("perQuarter")[0].GetProperty("active").GetInt64()
                                  + s.GetProperty("perQuarter")[0].GetProperty("left").GetInt64());
    }

    // ---------------------------------------------------------------- bad rows

    public static TheoryData<string, string, string> BadRows => new()
    {
        // name, bad row (inserted as line 4), column the error must name
        { "non-numeric bookings", "9,lots,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2", "annual_bookings_usd" },
        { "unknown tier", "9,5000000,10,Platinum,None,Traditionalist,None,25,None,None,0,1,2,20,5,2", "legacy_tier" },
        { "duplicate id", "2,5000000,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2", "partner_id" },
        { "negative bookings", "9,-5000000,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2", "annual_bookings_usd" },
        { "wrong field count", "9,5000000,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5", "row" },
    };

    /// <summary>Lines: 1 header, 2–3 good rows 1–2, 4 the bad row, 5–7 good rows 3–5.</summary>
    private string WriteBadRoster(string badRow)
    {
        _tmp.Write("r.csv", string.Join('\n', [Header, Good[0], Good[1], badRow, Good[2], Good[3], Good[4]]) + "\n");
        return _tmp.Write("s.yaml", "name: bad-rows\nrun:\n  quarters: 2\npopulation:\n  roster: r.csv\n");
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task BadRow_Exit2_OneLineWithLineAndColumn_NothingWritten(string name, string badRow, string column)
    {
        var scenario = WriteBadRoster(badRow);
        var outDir = _tmp.File("never");
        var r = await CliRunner.Run("run", scenario, "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(r.Code == 2, $"{name}: {r}");
        var lines = r.ErrLines;
        Assert.True(lines.Length == 1, $"{name}: expected one stderr line: {r.Err}");
        Assert.StartsWith("error:", lines[0]);
        Assert.Contains("r.csv:4:", lines[0]);
        Assert.Contains(column, lines[0]);
        Assert.False(Directory.Exists(outDir), $"{name}: the output directory must not be created");
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task BadRow_SkipBadRows_Exit0_CountedWarning_GoodRowsRun(string name, string badRow, string column)
    {
        var scenario = WriteBadRoster(badRow);
        var outDir = _tmp.File("out");
        var r = await CliRunner.Run("run", scenario, "--engine", "inproc", "--quiet", "--skip-bad-rows", "--out", outDir);
        Assert.True(r.Code == 0, $"{name}: {r}");
        var warning = Assert.Single(r.ErrLines);
        Assert.StartsWith("warning:", warning);
        Assert.Contains("1 bad roster row", warning);
        Assert.Contains("r.csv:4:", warning);
        Assert.Contains(column, warning);
        var s = await Summary(outDir);
        Assert.Equal(Good.Length, s.GetProperty("partners").GetInt32());
    }

    [Fact]
    public async Task SkipBadRows_CountsEverySkippedRow()
    {
        _tmp.Write("r.csv", string.Join('\n',
        [
            Header, Good[0],
            "7,lots,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2",
            Good[1], Good[2],
            "8,5000000,10,Platinum,None,Traditionalist,None,25,None,None,0,1,2,20,5,2",
            "1,5000000,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2",
            Good[3], Good[4],
        ]) + "\n");
        var scenario = _tmp.Write("s.yaml", "name: skip-many\nrun:\n  quarters: 2\npopulation:\n  roster: r.csv\n");
        var outDir = _tmp.File("out");
        var r = await CliRunner.Run("run", scenario, "--engine", "inproc", "--quiet", "--skip-bad-rows", "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());
        var warning = Assert.Single(r.ErrLines);
        Assert.StartsWith("warning:", warning);
        Assert.Contains("skipped 3 bad roster row", warning);
        Assert.Equal(Good.Length, (await Summary(outDir)).GetProperty("partners").GetInt32());
    }

    [Fact]
    public async Task AllRowsBad_WithSkip_Exit2_NothingWritten()
    {
        _tmp.Write("r.csv", Header + "\n9,lots,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2\n");
        var scenario = _tmp.Write("s.yaml", "name: all-bad\nrun:\n  quarters: 2\npopulation:\n  roster: r.csv\n");
        var outDir = _tmp.File("never");
        var r = await CliRunner.Run("run", scenario, "--engine", "inproc", "--quiet", "--skip-bad-rows", "--out", outDir);
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains(r.ErrLines, l => l.StartsWith("error:", StringComparison.Ordinal) && l.Contains("r.csv"));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task MissingRequiredColumn_Exit2_NamesTheColumn()
    {
        var header = string.Join(',', RosterColumns.Required.Where(c => c != "archetype"));
        var row = string.Join(',', Good[0].Split(',').Where((_, i) => RosterColumns.Required[i] != "archetype"));
        _tmp.Write("r.csv", header + "\n" + row + "\n");
        var line = await RefusedRosterLine("missing-column");
        Assert.Contains("r.csv:1:", line);
        Assert.Contains("archetype", line);
    }

    /// <summary>Runs a scenario on roster r.csv that must be refused: exit 2, one stderr line (returned), no output.</summary>
    private async Task<string> RefusedRosterLine(string name)
    {
        var scenario = _tmp.Write("s.yaml", $"name: {name}\nrun:\n  quarters: 2\npopulation:\n  roster: r.csv\n");
        var outDir = _tmp.File("never");
        var r = await CliRunner.Run("run", scenario, "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(r.Code == 2, r.ToString());
        Assert.False(Directory.Exists(outDir));
        return Assert.Single(r.ErrLines);
    }

    // ---------------------------------------------------------------- spreadsheet-saved rosters

    /// <summary>
    /// How a spreadsheet saves an exported roster after a designer added a <c>name</c> column: names with commas,
    /// quotes and line breaks (quoted per RFC 4180), optionally every field quoted, CRLF, a byte order mark and
    /// a trailing empty line.
    /// </summary>
    private static string AsSpreadsheetSavesIt(string exported, bool quoteAll, string newline, bool trailingEmptyLine)
    {
        var lines = exported.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.DoesNotContain(lines, l => l.Contains('"')); // an export holds numbers, names and ';' lists only
        string Cell(string v) => quoteAll ? "\"" + v.Replace("\"", "\"\"") + "\"" : CsvRowsTests.Field(v);
        var rows = lines.Select((line, i) =>
        {
            var cells = line.Split(',').ToList();
            cells.Insert(1, i == 0 ? "name" : $"Partner {cells[0]}, \"Ltd\"\nBranch {i % 3}");
            return string.Join(',', cells.Select(Cell));
        });
        return string.Join(newline, rows) + newline + (trailingEmptyLine ? newline : "");
    }

    [Theory]
    [InlineData(false, "\n", false, false)]
    [InlineData(true, "\r\n", true, true)]
    public async Task ExportedRoster_SavedByASpreadsheetWithANameColumn_LoadsToTheSamePartners(
        bool quoteAll, string newline, bool bom, bool trailingEmptyLine)
    {
        var csv = _tmp.File("r.csv");
        var export = await CliRunner.Run("roster", "export", "--partners", "300", "--seed", "9", "--out", csv);
        Assert.True(export.Code == 0, export.ToString());
        var scenario = _tmp.Write("s.yaml", "name: roster\nrun:\n  seed: 9\n  quarters: 3\npopulation:\n  roster: r.csv\n");
        var original = await RunOk(scenario, "original", "--engine", "inproc");

        var edited = AsSpreadsheetSavesIt(File.ReadAllText(csv), quoteAll, newline, trailingEmptyLine);
        File.WriteAllText(csv, edited, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        var reloaded = await RunOk(scenario, "edited", "--engine", "inproc");

        Assert.Equal(300, reloaded.GetProperty("partners").GetInt32());
        Assert.Equal(original.GetProperty("digest").GetString(), reloaded.GetProperty("digest").GetString());
        Assert.Equal(original.GetProperty("perQuarter").GetRawText(), reloaded.GetProperty("perQuarter").GetRawText());
    }

    [Fact]
    public async Task BadRow_AfterNamesSpanningLines_IsLocatedOnItsOwnLine()
    {
        // Every row's name spans two lines: row k (1-based) starts on line 2k; the bad bookings are in row 3.
        var rows = Good.Select((row, i) => row.Insert(row.IndexOf(','), $",\"Partner {i}\nsecond line\"")).ToArray();
        rows[2] = rows[2].Replace(",250000,", ",lots,");
        _tmp.Write("r.csv", string.Join('\n', [Header.Replace("partner_id", "partner_id,name"), .. rows]) + "\n");
        Assert.EndsWith("r.csv:6: annual_bookings_usd: 'lots' is not a number", await RefusedRosterLine("multi-line"));
    }

    [Fact]
    public async Task RosterWithoutHeaderRow_Exit2_SaysSo()
    {
        _tmp.Write("r.csv", string.Join('\n', Good) + "\n");
        var line = await RefusedRosterLine("no-header");
        Assert.StartsWith("error: ", line);
        Assert.Contains("r.csv:1: header: no header row", line);
        Assert.DoesNotContain("appears twice", line);
    }
}
