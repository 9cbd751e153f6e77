using System.Text.Json;
using PartnerSim.Analytics.Reports;

namespace PartnerSim.Tests.Integration;

/// <summary>The quarter series a run writes for other tools (CSV, Parquet) say what summary.json says.</summary>
[Collection("Console")]
public sealed class OutputFilesTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Run_WritesQuarterSeries_AsCsvAndParquet_MatchingTheSummary()
    {
        var outDir = _tmp.File("out");
        var r = await CliRunner.Run("run", RepoPaths.Scenario("cisco360-launch.yaml"),
            "--partners", "1200", "--quarters", "5", "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var perQuarter = summary.RootElement.GetProperty("perQuarter").EnumerateArray().ToList();

        IReadOnlyList<QuarterRow> parquet;
        await using (var file = File.OpenRead(Path.Combine(outDir, "quarters.parquet"))) parquet = await QuartersParquet.Read(file);
        var csv = File.ReadAllLines(Path.Combine(outDir, "quarters.csv"));
        var header = csv[0].Split(',');

        Assert.Equal(5, parquet.Count);
        Assert.Equal(6, csv.Length);
        for (int q = 0; q < 5; q++)
        {
            var json = perQuarter[q];
            var cells = csv[q + 1].Split(',');
            string Cell(string column) => cells[Array.IndexOf(header, column)];

            Assert.Equal(json.GetProperty("quarter").GetString(), parquet[q].Quarter);
            Assert.Equal(json.GetProperty("quarter").GetString(), Cell("quarter"));
            Assert.Equal(json.GetProperty("cpiRebateUsd").GetDecimal(), parquet[q].CpiRebateUsd);
            Assert.Equal(json.GetProperty("legacyRebateUsd").GetDecimal(), decimal.Parse(Cell("legacy_rebate_usd"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(json.GetProperty("bands").GetProperty("partner").GetInt64(), parquet[q].Partner);
            Assert.Equal(json.GetProperty("fatMiddle").GetProperty("losing").GetInt64(), parquet[q].FatMiddleLosing);
        }
    }
}
