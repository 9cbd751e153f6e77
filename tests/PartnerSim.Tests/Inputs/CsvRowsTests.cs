using System.Text;
using System.Text.RegularExpressions;
using PartnerSim.Inputs.Csv;
using PartnerSim.Model.Partners;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Inputs;

/// <summary>
/// CSV files as RFC 4180 defines them and as spreadsheets save them, read through <see cref="CsvRows"/>: quoted
/// fields with commas, doubled quotes and line breaks, CRLF, a byte order mark, blank rows; and the located
/// errors for files that are not CSV tables (no header, an unclosed quote, a row without end).
/// </summary>
[Collection("Console")]
public sealed partial class CsvRowsTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    /// <summary>RFC 4180 §2.6–2.7, written out here, apart from the library under test: a field holding a comma,
    /// quote, CR or LF is enclosed in quotes and its quotes doubled.</summary>
    internal static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    private static readonly string[] Header = ["id", "name", "note"];

    private static readonly string[][] EdgeRows =
    [
        ["1", "plain", "no quoting needed"],
        ["2", "Acme, Inc.", "a comma"],
        ["3", "say \"hi\"", "doubled quotes"],
        ["4", "line one\nline two", "LF inside"],
        ["5", "line one\r\nline two\r\nline three", "CRLF inside"],
        ["6", "", "an empty field"],
        ["7", "\"", "a lone quote"],
        ["8", ",,,", "only commas"],
        ["9", "Zürich – 東京", "beyond ASCII"],
    ];

    [GeneratedRegex("\r\n|\n|\r")]
    private static partial Regex LineBreak();

    public static TheoryData<string, bool, bool> Layouts => new()
    {
        { "\n", false, false }, { "\n", true, true }, { "\r\n", false, true }, { "\r\n", true, false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EdgeCases_RoundTrip_WithTheirLineNumbers(string newline, bool bom, bool trailingEmptyLine)
    {
        var text = string.Join(newline, new[] { Header }.Concat(EdgeRows).Select(r => string.Join(',', r.Select(Field))))
                   + newline + (trailingEmptyLine ? newline : "");
        var path = _tmp.File("edge.csv");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        Assert.Equal(bom, File.ReadAllBytes(path)[0] == 0xEF);

        using var rows = CsvRows.Open(path);
        int line = 2; // the header is line 1; a row starts after every line break of the rows before it
        foreach (var expected in EdgeRows)
        {
            Assert.True(rows.Next(), $"row {expected[0]}");
            Assert.Equal(line, rows.Line);
            Assert.Equal(expected, Header.Select(rows.Text));
            line += 1 + expected.Sum(f => LineBreak().Count(f));
        }
        Assert.False(rows.Next());
    }

    [Fact]
    public void ByteOrderMark_InText_IsNotPartOfTheFirstColumnName()
    {
        using var rows = CsvRows.FromText("\uFEFFid,name\n1,x\n", "bom.csv");
        rows.Require("id", "name");
        Assert.True(rows.Next());
        Assert.Equal("1", rows.Text("id"));
    }

    [Fact]
    public void ColumnNames_MatchTrimmedAndCaseInsensitively_UnknownColumnsAreIgnored()
    {
        using var rows = CsvRows.FromText(" ID ,\"Name, as typed\",Note,,\n7,\"Acme, Inc.\",x,,\n", "extra.csv");
        rows.Require("id", "note");
        Assert.True(rows.Has("name, as typed"));
        Assert.True(rows.Next());
        Assert.Equal(("7", "x"), (rows.Text("id"), rows.Text("note")));
    }

    [Fact]
    public void BlankRows_AreSkipped_LineNumbersCountThem()
    {
        using var rows = CsvRows.FromText("id,v\n\n1,a\n,\n   \n2,b\n\n\n", "blank.csv");
        Assert.True(rows.Next());
        Assert.Equal((3, "1"), (rows.Line, rows.Text("id")));
        Assert.True(rows.Next());
        Assert.Equal((6, "2"), (rows.Line, rows.Text("id")));
        Assert.False(rows.Next());
    }

    [Fact]
    public void HeaderOnly_HasNoRows()
    {
        using var rows = CsvRows.FromText("id,v\r\n", "header-only.csv");
        Assert.False(rows.Next());
    }

    private static CsvInputException Refused(string text, Action<CsvRows>? use = null) => Assert.Throws<CsvInputException>(() =>
    {
        using var rows = CsvRows.FromText(text, "r.csv");
        use?.Invoke(rows);
        while (rows.Next()) { }
    });

    [Fact]
    public void EmptyFile_IsTold()
    {
        var e = Refused("");
        Assert.Equal("r.csv:1: header: the file is empty", e.Message);
        Assert.Equal("r.csv:1: header: the file is empty", Refused("\n\r\n").Message);
    }

    [Fact]
    public void NoHeaderRow_IsTold_NotMistakenForADuplicateColumn()
    {
        // A roster row without its header: 'None' twice used to read as a column named twice.
        var e = Refused("1,5000000,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2\n");
        Assert.Equal((1, "header"), (e.Line, e.Column));
        Assert.StartsWith("r.csv:1: header: no header row: the first row holds the value '1'", e.Message);

        // a first row of names, none of them the ones asked for
        e = Refused("Select,None,Traditionalist\nGold,None,Strategist\n", rows => rows.Require("partner_id", "legacy_tier"));
        Assert.Equal("r.csv:1: header: the first row names none of the columns (no header row?); missing column(s): partner_id, legacy_tier", e.Message);
    }

    [Fact]
    public void DuplicateColumn_IsStillNamed()
    {
        Assert.Equal("r.csv:1: id: column appears twice in the header", Refused("id,v,ID\n1,2,3\n").Message);
    }

    [Fact]
    public void BadValue_IsQuotedOnOneShortLine()
    {
        static void ReadTiers(CsvRows rows) { while (rows.Next()) rows.Choice<LegacyTier>("tier"); }
        var e = Refused("id,tier\n1,\"Sel\r\nect\"\n", ReadTiers);
        Assert.StartsWith("r.csv:2: tier: 'Sel\\r\\nect' is not one of: ", e.Message);
        e = Refused("id,tier\n1," + new string('x', 5000) + "\n", ReadTiers);
        Assert.StartsWith($"r.csv:2: tier: '{new string('x', 60)}… (5000 characters)' is not one of: ", e.Message);
        Assert.True(e.Message.Length < 200, e.Message);
    }

    [Fact]
    public void WrongFieldCount_AfterAQuotedLineBreak_NamesTheLineTheRowStartsOn()
    {
        // row 1 spans lines 2–3, row 2 lines 4–5; row 3 (line 6) has one field too many
        var e = Refused("id,name\n1,\"a\nb\"\n2,\"c\r\nd\"\n3,x,y\n");
        Assert.Equal("r.csv:6: row: has 3 fields, the header has 2", e.Message);
    }

    [Fact]
    public void UnclosedQuote_IsLocatedAtTheRowItOpens()
    {
        var e = Refused("id,name\n1,a\n2,\"never closed\n3,c\n4,d\n");
        Assert.Equal("r.csv:3: row: a quote (\") is opened and never closed", e.Message);
    }

    [Fact]
    public void RowWithoutEnd_IsRefusedAtTheLimit_NotHeldWhole()
    {
        var e = Refused("id,name\n1,a\n2," + new string('x', 3 * CsvRows.MaxRowChars));
        Assert.Equal($"r.csv:3: row: longer than {CsvRows.MaxRowChars} characters (a quote that is never closed?)", e.Message);
        // a long row under the limit is fine
        using var rows = CsvRows.FromText("id,name\n1," + new string('x', CsvRows.MaxRowChars / 2) + "\n", "long.csv");
        Assert.True(rows.Next());
        Assert.Equal(CsvRows.MaxRowChars / 2, rows.Text("name").Length);
    }

    [Fact]
    public void EndlessFile_IsRefusedAtTheRowLimit()
    {
        if (!File.Exists("/dev/zero")) return; // a device with no end exists on Linux and macOS only
        var e = Assert.Throws<CsvInputException>(() => CsvRows.Open("/dev/zero"));
        Assert.Equal((1, "row"), (e.Line, e.Column));
    }

    [Fact]
    public async Task SweepOutput_WithQuotedValues_ReadsBack()
    {
        var csv = _tmp.File("sweep.csv");
        var r = await CliRunner.Run("sweep", RepoPaths.Scenario("cisco360-launch.yaml"),
            "--set", "run.description=say \"hi\"", "--set", "rules.partnerThreshold=4,6",
            "--seeds", "1", "--partners", "50", "--quarters", "2", "--quiet", "--out", csv);
        Assert.True(r.Code == 0, r.ToString());

        using var rows = CsvRows.Open(csv);
        rows.Require("run.description", "rules.partnerthreshold", "seed", "digest");
        var read = new List<(string, string, int)>();
        while (rows.Next()) read.Add((rows.Text("run.description"), rows.Text("rules.partnerthreshold"), rows.Line));
        Assert.Equal([("say \"hi\"", "4", 2), ("say \"hi\"", "6", 3)], read);
    }
}
