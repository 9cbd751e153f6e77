using System.Text.Json;
using PartnerSim.Tests.Support;

namespace PartnerSim.Tests.Integration;

/// <summary>
/// partner-quarters.parquet, read back by DuckDB (an independent Parquet reader): one row per recorded partner per
/// quarter, whose per-quarter sums are summary.json's to the cent, the same file from either engine, and a sample of
/// exactly N partners followed through every quarter.
/// </summary>
[Collection("Console")]
public sealed class DetailFileTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private async Task<(JsonElement Summary, string Detail)> Run(string engine, params string[] more)
    {
        var outDir = _tmp.File($"out-{engine}-{string.Join('-', more).Replace(':', '_')}");
        var r = await CliRunner.Run(["run", RepoPaths.Scenario("cisco360-launch.yaml"), "--partners", "2500", "--quarters", "6",
            "--engine", engine, "--quiet", "--out", outDir, .. more]);
        Assert.True(r.Code == 0, r.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        return (summary.RootElement.Clone(), Path.Combine(outDir, "partner-quarters.parquet"));
    }

    [Theory]
    [InlineData("inproc")]
    [InlineData("grains")]
    public async Task EveryPartnerEveryQuarter_SumsToTheSummary_ToTheCent(string engine)
    {
        var (summary, detail) = await Run(engine);
        Assert.Equal("all", summary.GetProperty("detail").GetProperty("selection").GetString());
        Assert.Equal(2500 * 6, summary.GetProperty("detail").GetProperty("rows").GetInt64());
        var rows = DuckDb.Query($"SELECT count(*) AS n, count(DISTINCT partner_id) AS partners FROM read_parquet({DuckDb.Literal(detail)})").Single();
        Assert.Equal(15000L, rows["n"]);
        Assert.Equal(2500L, rows["partners"]);

        var byQuarter = DuckDb.Query($"""
            SELECT quarter, quarter_index,
                   count(*) FILTER (WHERE active) AS active, count(*) FILTER (WHERE "left") AS "left",
                   count(*) FILTER (WHERE losing) AS losing, count(*) FILTER (WHERE active AND main_band IN ('partner', 'preferred')) AS partner_plus,
                   count(*) FILTER (WHERE active AND fat_middle AND losing) AS fat_middle_losing,
                   round(sum(cpi_earned_usd), 2) AS cpi, round(sum(legacy_counterfactual_usd), 2) AS legacy,
                   round(sum(shortfall_usd), 2) AS shortfall, round(sum(cpi_paid_usd), 2) AS cpi_paid,
                   round(sum(legacy_paid_usd), 2) AS legacy_paid, round(sum(bookings_usd), 2) AS bookings, sum(deals)::BIGINT AS deals
            FROM read_parquet({DuckDb.Literal(detail)}) GROUP BY quarter, quarter_index ORDER BY quarter_index
            """);
        var perQuarter = summary.GetProperty("perQuarter").EnumerateArray().ToList();
        Assert.Equal(perQuarter.Count, byQuarter.Count);
        for (int q = 0; q < perQuarter.Count; q++)
        {
            var (json, row) = (perQuarter[q], byQuarter[q]);
            Assert.Equal(json.GetProperty("quarter").GetString(), row["quarter"]);
            Assert.Equal(json.GetProperty("active").GetInt64(), row["active"]);
            Assert.Equal(json.GetProperty("left").GetInt64(), row["left"]);
            Assert.Equal(json.GetProperty("losing").GetInt64(), row["losing"]);
            Assert.Equal(json.GetProperty("partnerPlus").GetInt64(), row["partner_plus"]);
            Assert.Equal(json.GetProperty("fatMiddle").GetProperty("losing").GetInt64(), row["fat_middle_losing"]);
            Assert.Equal(json.GetProperty("deals").GetInt64(), Convert.ToInt64(row["deals"]));
            foreach (var (figure, column) in new[] { ("cpiRebateUsd", "cpi"), ("legacyRebateUsd", "legacy"), ("shortfallUsd", "shortfall"),
                         ("cpiPaidUsd", "cpi_paid"), ("legacyPaidUsd", "legacy_paid"), ("bookingsUsd", "bookings") })
                Assert.True(json.GetProperty(figure).GetDecimal() == Convert.ToDecimal(row[column]),
                    $"{json.GetProperty("quarter")} {figure}: summary {json.GetProperty(figure)}, detail {row[column]}");
        }
    }

    [Fact]
    public async Task BothEngines_WriteTheSameFile()
    {
        var (_, inproc) = await Run("inproc", "--detail", "sample:300");
        var (_, grains) = await Run("grains", "--detail", "sample:300");
        Assert.Equal(File.ReadAllBytes(inproc), File.ReadAllBytes(grains));
    }

    [Fact]
    public async Task ASample_IsExactlyNPartners_FollowedThroughEveryQuarter()
    {
        var (summary, detail) = await Run("inproc", "--detail", "sample:300");
        Assert.Equal("sample:300", summary.GetProperty("detail").GetProperty("selection").GetString());
        var counts = DuckDb.Query($"SELECT quarter_index, count(*) AS n, count(DISTINCT partner_id) AS p FROM read_parquet({DuckDb.Literal(detail)}) GROUP BY quarter_index");
        Assert.Equal(6, counts.Count);
        Assert.All(counts, c => Assert.Equal((300L, 300L), ((long)c["n"]!, (long)c["p"]!)));
        var followed = DuckDb.Query($"SELECT count(*) AS n FROM (SELECT partner_id FROM read_parquet({DuckDb.Literal(detail)}) GROUP BY partner_id HAVING count(*) = 6)").Single();
        Assert.Equal(300L, followed["n"]);
    }

    [Fact]
    public async Task NoDetail_WritesNoFile_AndSaysSo()
    {
        var (summary, detail) = await Run("inproc", "--detail", "none");
        Assert.False(File.Exists(detail));
        Assert.Equal("none", summary.GetProperty("detail").GetProperty("selection").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("detail").GetProperty("file").ValueKind);
        var bad = await CliRunner.Run("run", RepoPaths.Scenario("cisco360-launch.yaml"), "--partners", "100", "--detail", "some", "--out", _tmp.File("bad"));
        Assert.Equal(2, bad.Code);
        Assert.Contains("--detail some", bad.Err);
        Assert.False(Directory.Exists(_tmp.File("bad")));
    }
}
