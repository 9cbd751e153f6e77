using System.Globalization;
using System.Text.Json;
using PartnerSim.Tests.Support;

namespace PartnerSim.Tests.Integration;

/// <summary>The quarter and segment tables a run writes for other tools (CSV, Parquet) say what summary.json says.</summary>
[Collection("Console")]
public sealed class OutputFilesTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Every column of a Parquet file by name, in file order, read by DuckDB.</summary>
    internal static Task<Dictionary<string, Array>> ReadParquet(string path)
    {
        var rows = DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(path)})");
        return Task.FromResult(rows[0].Keys.ToDictionary(k => k, k => (Array)rows.Select(r => r[k]).ToArray()));
    }

    [Fact]
    public async Task Run_WritesQuarterSeries_AsCsvAndParquet_MatchingTheSummary()
    {
        var outDir = _tmp.File("out");
        var r = await CliRunner.Run("run", RepoPaths.Scenario("cisco360-launch.yaml"),
            "--partners", "1200", "--quarters", "5", "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var perQuarter = summary.RootElement.GetProperty("perQuarter").EnumerateArray().ToList();

        var parquet = await ReadParquet(Path.Combine(outDir, "quarters.parquet"));
        var csv = File.ReadAllLines(Path.Combine(outDir, "quarters.csv"));
        var header = csv[0].Split(',');

        Assert.Equal(5, parquet["quarter"].Length);
        Assert.Equal(6, csv.Length);
        for (int q = 0; q < 5; q++)
        {
            var json = perQuarter[q];
            var cells = csv[q + 1].Split(',');
            string Cell(string column) => cells[Array.IndexOf(header, column)];

            Assert.Equal(json.GetProperty("quarter").GetString(), parquet["quarter"].GetValue(q));
            Assert.Equal(json.GetProperty("quarter").GetString(), Cell("quarter"));
            Assert.Equal(json.GetProperty("cpiRebateUsd").GetDecimal(), (decimal)(double)parquet["cpi_rebate_usd"].GetValue(q)!);
            Assert.Equal(json.GetProperty("legacyRebateUsd").GetDecimal(), decimal.Parse(Cell("legacy_rebate_usd"), CultureInfo.InvariantCulture));
            Assert.Equal(json.GetProperty("bands").GetProperty("partner").GetInt64(), parquet["bands_partner"].GetValue(q));
            Assert.Equal(json.GetProperty("fatMiddle").GetProperty("losing").GetInt64(), parquet["fat_middle_losing"].GetValue(q));
            var median = json.GetProperty("fatMiddle").GetProperty("medianShortfallUsd");
            Assert.Equal(median.ValueKind == JsonValueKind.Null ? "" : median.GetDecimal().ToString(CultureInfo.InvariantCulture),
                Cell("fat_middle_median_shortfall_usd"));
        }
    }

    [Fact]
    public async Task Run_WritesSegmentTable_WhoseMarginsAddUp_AndMatchTheSummary()
    {
        var outDir = _tmp.File("out");
        var r = await CliRunner.Run("run", RepoPaths.Scenario("drive-to-five.yaml"),
            "--partners", "1500", "--quarters", "4", "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var perQuarter = summary.RootElement.GetProperty("perQuarter").EnumerateArray().ToList();
        var t = await ReadParquet(Path.Combine(outDir, "segments.parquet"));
        int rows = t["quarter"].Length;
        Assert.Equal(rows + 1, File.ReadAllLines(Path.Combine(outDir, "segments.csv")).Length);

        var all = Enumerable.Range(0, rows).Select(i => (
            Quarter: (string)t["quarter"].GetValue(i)!, Tier: (string)t["legacy_tier"].GetValue(i)!, Size: (string)t["size"].GetValue(i)!,
            Managed: (string)t["managed_by"].GetValue(i)!, Archetype: (string)t["archetype"].GetValue(i)!,
            Partners: (long)t["partners"].GetValue(i)!, Losing: (long)t["losing"].GetValue(i)!,
            Cpi: (double)t["cpi_rebate_usd"].GetValue(i)!)).ToList();
        for (int q = 0; q < 4; q++)
        {
            var label = perQuarter[q].GetProperty("quarter").GetString();
            var quarter = all.Where(x => x.Quarter == label).ToList();
            var whole = quarter.Single(x => x is { Tier: "all", Size: "all", Managed: "all", Archetype: "all" });
            Assert.Equal(perQuarter[q].GetProperty("active").GetInt64(), whole.Partners);
            Assert.Equal(perQuarter[q].GetProperty("losing").GetInt64(), whole.Losing);
            // The finest cells add up to the whole population, and a tier's margin is its tier in summary.json.
            var cells = quarter.Where(x => x.Tier != "all" && x.Size != "all" && x.Managed != "all" && x.Archetype != "all").ToList();
            Assert.Equal(whole.Partners, cells.Sum(x => x.Partners));
            Assert.Equal(perQuarter[q].GetProperty("cpiRebateUsd").GetDecimal(), Math.Round((decimal)cells.Sum(x => x.Cpi), 2));
            var select = quarter.Single(x => x is { Tier: "Select", Size: "all", Managed: "all", Archetype: "all" });
            Assert.Equal(perQuarter[q].GetProperty("tiers").GetProperty("select").GetProperty("partners").GetInt64(), select.Partners);
        }
    }
}
