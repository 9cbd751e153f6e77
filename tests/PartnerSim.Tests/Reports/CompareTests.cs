using System.Text.Json;
using PartnerSim.Tests.Integration;
using PartnerSim.Tests.Support;

namespace PartnerSim.Tests.Reports;

/// <summary>
/// <c>partnersim compare A B</c>: a run against itself differs nowhere; launch against no-grace at the same seed
/// differs where the rule book says it must (the grace quarters) and nowhere before launch.
/// </summary>
[Collection("Console")]
public sealed class CompareTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private Task<(JsonElement Json, string Dir)> Compare(string a, string b) => ReportRuns.Compare(_tmp, a, b);

    private static Dictionary<string, JsonElement> Figures(JsonElement json, string quarter) =>
        json.GetProperty("perQuarter").EnumerateArray().Single(q => q.GetProperty("quarter").GetString() == quarter)
            .GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

    private static double Delta(Dictionary<string, JsonElement> figures, string name) => figures[name].GetProperty("delta").GetDouble();

    [Fact]
    public async Task RunAgainstItselfHasNoDeltaAnywhere()
    {
        var run = ReportRuns.Of("cisco360-launch");

        var (json, dir) = await Compare(run, run);

        Assert.True(json.GetProperty("paired").GetBoolean());
        Assert.Empty(json.GetProperty("parameters").EnumerateArray());
        Assert.Equal(0, json.GetProperty("quarterFiguresDiffering").GetInt32());
        Assert.Equal(0, json.GetProperty("segments").GetProperty("differing").GetInt32());
        var deltas = json.GetProperty("perQuarter").EnumerateArray().SelectMany(q => q.GetProperty("figures").EnumerateArray())
            .Concat(json.GetProperty("headline").EnumerateArray()).ToList();
        Assert.True(deltas.Count > 1000, $"{deltas.Count} figures");
        foreach (var f in deltas)
        {
            var delta = f.GetProperty("delta");
            if (delta.ValueKind == JsonValueKind.Null) Assert.Equal(JsonValueKind.Null, f.GetProperty("a").ValueKind);
            else Assert.Equal(0m, delta.GetDecimal());
        }
        // Every delta column of the segment table, read by an independent CSV reader, is zero or empty.
        var csv = DuckDb.Literal(Path.Combine(dir, "segment-deltas.csv"));
        var columns = DuckDb.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_csv_auto({csv}))")
            .Select(r => (string)r["column_name"]!).Where(c => c.EndsWith("_delta", StringComparison.Ordinal)).ToList();
        var segmentFigures = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement
            .GetProperty("definitions").GetProperty("segment").GetArrayLength();
        Assert.Equal(segmentFigures, columns.Count);
        var nonzero = DuckDb.Query($"SELECT count(*) AS n FROM read_csv_auto({csv}) WHERE " +
            string.Join(" OR ", columns.Select(c => $"coalesce(CAST(\"{c}\" AS DOUBLE), 0) <> 0")));
        Assert.Equal(0L, Convert.ToInt64(nonzero[0]["n"]));
        Assert.Contains("agree on every figure", ReportDocument.Parse(Path.Combine(dir, "compare.html")).QuerySelector("p.headline")!.TextContent);
        // Partner by partner, from the run's own detail file: every partner matched with itself, none differing.
        var partners = json.GetProperty("partners").GetProperty("quarters").EnumerateArray().ToList();
        Assert.Equal(12, partners.Count);
        Assert.All(partners, q => Assert.Equal((ReportRuns.Partners, 0, 0, 0),
            (q.GetProperty("paired").GetInt32(), q.GetProperty("mainBandDiffers").GetInt32(), q.GetProperty("cpiPaidDiffers").GetInt32(),
             q.GetProperty("onlyInA").GetInt32() + q.GetProperty("onlyInB").GetInt32())));
    }

    [Fact]
    public async Task NoGraceAgainstLaunchDiffersInTheGraceQuartersOnly()
    {
        var (json, dir) = await Compare(ReportRuns.Of("cisco360-launch"), ReportRuns.Of("no-grace"));

        Assert.True(json.GetProperty("paired").GetBoolean());
        var parameters = json.GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("a").GetString(), p.GetProperty("b").GetString())).ToList();
        Assert.Equal([("scenario", "cisco360-launch", "no-grace"), ("rules.grace.quarters", "2", "0")], parameters);

        // Before launch the two scenarios are the same rules on the same partners: nothing differs.
        foreach (var quarter in new[] { "FY26Q1", "FY26Q2" })
            Assert.All(Figures(json, quarter).Values, f => Assert.True(f.GetProperty("delta").ValueKind == JsonValueKind.Null
                || f.GetProperty("delta").GetDecimal() == 0, $"{quarter} {f}"));

        // In the grace quarters the half-maturity credit is gone: fewer partners reach the partner band, and no fewer
        // fat-middle partners lose CPI eligibility; over the two quarters, more do.
        var grace = new[] { "FY26Q3", "FY26Q4" }.Select(q => Figures(json, q)).ToList();
        Assert.All(grace, f => Assert.True(Delta(f, "partnerPlus") < 0, $"partnerPlus {Delta(f, "partnerPlus")}"));
        Assert.All(grace, f => Assert.True(Delta(f, "fatMiddle.losing") >= 0, $"fatMiddle.losing {Delta(f, "fatMiddle.losing")}"));
        Assert.All(grace, f => Assert.True(Delta(f, "losing") >= 0, $"losing {Delta(f, "losing")}"));
        Assert.True(grace.Sum(f => Delta(f, "fatMiddle.losing")) > 0);
        Assert.True(json.GetProperty("quarterFiguresDiffering").GetInt32() > 0);

        var page = ReportDocument.Parse(Path.Combine(dir, "compare.html"));
        Assert.Equal(Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Length, page.Images.Length);
        Assert.Equal(5, page.Images.Length);
        Assert.Empty(ReportDocument.OutsideReferences(page));
        Assert.StartsWith("B (no-grace) against A (cisco360-launch), same seed", page.QuerySelector("p.headline")!.TextContent);
    }

    [Fact]
    public async Task NoGraceAgainstLaunchPartnerByPartner()
    {
        var launch = ReportRuns.Of("cisco360-launch");
        var noGrace = ReportRuns.Of("no-grace");

        var (json, _) = await Compare(launch, noGrace);

        var quarters = json.GetProperty("partners").GetProperty("quarters").EnumerateArray()
            .ToDictionary(q => q.GetProperty("quarter").GetString()!);
        Assert.All(quarters.Values, q => Assert.Equal(ReportRuns.Partners, q.GetProperty("paired").GetInt32()));
        // Before launch no partner differs; in the grace quarters many partners' bands differ, and never upward in B,
        // since taking the grace credit away can only lower a PVI.
        foreach (var quarter in new[] { "FY26Q1", "FY26Q2" })
            Assert.Equal((0, 0), (quarters[quarter].GetProperty("mainBandDiffers").GetInt32(), quarters[quarter].GetProperty("cpiPaidDiffers").GetInt32()));
        foreach (var quarter in new[] { "FY26Q3", "FY26Q4" })
            Assert.True(quarters[quarter].GetProperty("mainBandDiffers").GetInt32() > 0, quarter);
        Assert.All(quarters.Values, q => Assert.Equal(0, q.GetProperty("mainBandHigherInB").GetInt32()));
        // The partners' CPI paid differences add up to the difference of the runs' CPI paid pots in summary.json.
        foreach (var (quarter, q) in quarters)
        {
            decimal pots = (decimal)Value(noGrace, quarter, "cpiPaidUsd") - (decimal)Value(launch, quarter, "cpiPaidUsd");
            Assert.Equal(pots, q.GetProperty("cpiPaidDeltaUsd").GetDecimal());
        }
    }

    [Fact]
    public async Task ReplicateSetsAreComparedByTheirMeansWithPairedIntervals()
    {
        ulong[] seeds = [11, 12];
        var a = Directory.CreateDirectory(_tmp.File("launch")).FullName;
        var b = Directory.CreateDirectory(_tmp.File("nograce")).FullName;
        foreach (var seed in seeds)
        {
            ReportRuns.Copy(ReportRuns.Of("cisco360-launch", seed), Path.Combine(a, $"seed-{seed}"));
            ReportRuns.Copy(ReportRuns.Of("no-grace", seed), Path.Combine(b, $"seed-{seed}"));
        }

        var (json, _) = await Compare(a, b);

        Assert.True(json.GetProperty("paired").GetBoolean());
        Assert.Equal(0.95, json.GetProperty("confidence").GetDouble());
        Assert.Equal(2, json.GetProperty("a").GetProperty("runs").GetInt32());
        // Worked by hand from the runs' own summaries: per-seed differences d, their mean, and the paired t interval
        // mean ± t(0.975, 1)·s/√2 with t = 12.706 (Student's t table, one degree of freedom).
        foreach (var name in new[] { "partnerPlus", "fatMiddle.losing" })
        {
            var d = seeds.Select(s => Value(ReportRuns.Of("no-grace", s), "FY26Q3", name) - Value(ReportRuns.Of("cisco360-launch", s), "FY26Q3", name)).ToArray();
            double mean = d.Average(), halfWidth = 12.706 * Math.Abs(d[0] - d[1]) / Math.Sqrt(2) / Math.Sqrt(2);
            var f = Figures(json, "FY26Q3")[name];
            Assert.Equal(mean, f.GetProperty("delta").GetDouble(), 9);
            Assert.Equal(mean - halfWidth, f.GetProperty("low").GetDouble(), 1e-3 * halfWidth + 1e-9);
            Assert.Equal(mean + halfWidth, f.GetProperty("high").GetDouble(), 1e-3 * halfWidth + 1e-9);
            Assert.Equal(seeds.Average(s => Value(ReportRuns.Of("cisco360-launch", s), "FY26Q3", name)), f.GetProperty("a").GetDouble(), 9);
        }
    }

    private static double Value(string runDir, string quarter, string dotted)
    {
        var q = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json"))).RootElement.GetProperty("perQuarter")
            .EnumerateArray().Single(x => x.GetProperty("quarter").GetString() == quarter);
        foreach (var part in dotted.Split('.')) q = q.GetProperty(part);
        return q.GetDouble();
    }
}
