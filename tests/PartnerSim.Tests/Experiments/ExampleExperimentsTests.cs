using System.Globalization;
using PartnerSim.Analytics.Statistics;
using PartnerSim.Tests.Integration;
using PartnerSim.Tests.Support;

namespace PartnerSim.Tests.Experiments;

/// <summary>
/// The example experiments of <c>scenarios/experiments/</c> run as written, on a small population and, where the
/// design is large, a smaller sample: every run is a row, and each design's own results are there.
/// </summary>
[Collection("Console")]
public sealed class ExampleExperimentsTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Example(string name) => Path.Combine(RepoPaths.Root, "scenarios", "experiments", name);

    private async Task<List<Dictionary<string, object?>>> Run(string name, string outDir, params string[] extra)
    {
        var r = await CliRunner.Run(["experiment", Example(name), "--partners", "300", "--out", outDir, .. extra]);
        Assert.True(r.Code == 0, r.ToString());
        return DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(Path.Combine(outDir, "experiment.parquet"))}) ORDER BY run");
    }

    [Fact]
    public async Task RuleSensitivity_Sobol_IndexesEveryRuleOnEveryOutput()
    {
        var outDir = _tmp.File("sobol");
        var rows = await Run("rule-sensitivity-sobol.yaml", outDir, "--sample-size", "3");
        Assert.Equal(3 * (4 + 2) * 2, rows.Count); // N (d + 2) points × 2 replicates
        // A range over a whole-number key takes its whole numbers only.
        Assert.All(rows, r => Assert.Contains((double)r["rules.mspmBasicIndex"]!, new[] { 3.0, 4.0, 5.0 }));
        Assert.Subset(new HashSet<string> { ">=", ">" }, rows.Select(r => (string)r["rules.thresholdComparator"]!).ToHashSet());
        var sobol = File.ReadAllLines(Path.Combine(outDir, "sobol.csv"));
        Assert.Equal("output,factor,first,first_lower,first_upper,total,total_lower,total_upper", sobol[0]);
        Assert.Equal(5 * 4, sobol.Length - 1); // 5 outputs × 4 factors
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "tornado-fatMiddleShortfallAtLaunchUsd.svg")));
    }

    [Fact]
    public async Task RebateRates_Lhs_CoversEachRateOnceAStratum_AndDrawsTheScatterMatrix()
    {
        var outDir = _tmp.File("lhs");
        var rows = await Run("rebate-rates-lhs.yaml", outDir, "--sample-size", "5");
        Assert.Equal(5 * 2, rows.Count);
        // Log-uniform on [2, 6]: the stratum of a value is floor(5 · ln(v/2) / ln 3); five points, five strata.
        var strata = rows.Where(r => (long)r["replicate"]! == 0)
            .Select(r => (int)Math.Floor(5 * Math.Log((double)r["money.landRatePct.networking"]! / 2) / Math.Log(3))).Order();
        Assert.Equal([0, 1, 2, 3, 4], strata);
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "scatter-matrix.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "scatter-matrix.svg")));
    }

    [Fact]
    public async Task ReplicateCount_AdvisesFromThePilotsSpread()
    {
        var outDir = _tmp.File("replicates");
        var rows = await Run("replicate-count.yaml", outDir);
        Assert.Equal(20, rows.Count);
        Assert.Equal(20, rows.Select(r => r["seed"]).Distinct().Count());
        var advice = File.ReadAllLines(Path.Combine(outDir, "replicates.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        foreach (var output in new[] { "fatMiddleShortfallAtLaunchUsd", "cpiToLegacyAtLaunchPlus4", "partnersLeftIn8Quarters", "partnerPlusAtEnd" })
        {
            var pilot = rows.Select(r => (double)r[output]!).ToArray();
            Assert.Equal(ReplicateAdvisor.Replicates(pilot)!.Value.ToString(CultureInfo.InvariantCulture), advice[output][2]);
        }
    }
}
