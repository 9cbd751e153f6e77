using System.Text;
using PartnerSim.Inputs.Csv;
using PartnerSim.Inputs.Rosters;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Inputs;

/// <summary><c>evaluate</c> reads a metrics roster the way a spreadsheet saves it, and scores it as the plain file.</summary>
[Collection("Console")]
public sealed class EvaluationRosterCsvTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    /// <summary>
    /// Networking at exactly 5.00 (worked in CliTests): career 5 / 5 → 10 (27000), ACV and TCV 25% → 10 (5000
    /// each), buying program 50% → 10 (10000), onboard 28% → 6 (3000): 50000 → 5.00, partner.
    /// </summary>
    private const string Row = "4,Networking,M,None,None,0,5,0,25,25,50,0,0,28,0,0,0,false";

    [Fact]
    public async Task SpreadsheetSavedRoster_WithANameColumn_ScoresAsThePlainFile()
    {
        var plain = _tmp.Write("plain.csv", string.Join(',', EvaluationRoster.Required) + "\n" + Row + "\n");

        // every field quoted, a name with a comma, quotes and a line break, CRLF, a byte order mark, a trailing empty line
        static string Quoted(IEnumerable<string> cells) => string.Join(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"") + "\""));
        var saved = _tmp.File("saved.csv");
        File.WriteAllText(saved,
            Quoted(["name", .. EvaluationRoster.Required]) + "\r\n" + Quoted(["Acme, \"Networks\"\r\nEMEA", .. Row.Split(',')]) + "\r\n\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var fromPlain = _tmp.File("plain-scores.csv");
        var fromSaved = _tmp.File("saved-scores.csv");
        foreach (var (roster, scores) in new[] { (plain, fromPlain), (saved, fromSaved) })
        {
            var r = await CliRunner.Run("evaluate", roster, "--out", scores, "--quiet");
            Assert.True(r.Code == 0, r.ToString());
        }
        Assert.Equal(File.ReadAllText(fromPlain), File.ReadAllText(fromSaved));

        using var rows = CsvRows.Open(fromSaved);
        Assert.True(rows.Next());
        Assert.Equal(("4", "5.00", "partner"), (rows.Text("partner_id"), rows.Text("pvi"), rows.Text("band")));
        Assert.False(rows.Next());
    }
}
