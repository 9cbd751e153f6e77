using System.Globalization;
using System.Text.Json;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Analytics.Statistics;
using PartnerSim.Runs;
using PartnerSim.Runs.Experiments;
using PartnerSim.Tests.Integration;
using PartnerSim.Tests.Support;

namespace PartnerSim.Tests.Experiments;

/// <summary>
/// Experiments on a small population, checked against what is known without them: a grid row is the run of the
/// equivalent scenario file, each row holds the design's own point, a factor the model never reads has Sobol indices
/// and Morris effects of exactly 0 (replicates share seeds, so its design points' outputs are identical), and raising
/// the CPI threshold never puts more partners at partner band or better.
/// </summary>
[Collection("Console")]
public sealed class ExperimentDesignWiringTests : IDisposable
{
    private const ulong Master = 777;
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Write(string name, string design, string factors, int replicates = 1) => _tmp.Write(name, $"""
        base: {RepoPaths.Scenario("cisco360-launch.yaml")}
        seed: {Master}
        replicates: {replicates}
        design: {design}
        factors:
        {factors}
        outputs:
          partnerPlusAtLaunch: partnerPlus@launch
          partnersLeft: left@start..end
        """);

    private static async Task<ExperimentResults> Run(string file, string outDir, int partners = 300, int parallel = 1)
    {
        var plan = ExperimentPlan.Load(file, partners);
        var outcome = await Experiment.Run(plan, outDir, new RunSettings { Engine = EngineKind.Inproc }, parallel);
        return outcome.Results!;
    }

    [Fact]
    public async Task GridRow_IsTheRunOfTheEquivalentScenarioFile()
    {
        var file = Write("grid.yaml", "grid", "  rules.partnerThreshold: [4, 6]", replicates: 2);
        var outDir = _tmp.File("grid-out");
        var r = await CliRunner.Run("experiment", file, "--partners", "300", "--quiet", "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());

        var rows = DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(Path.Combine(outDir, "experiment.parquet"))}) ORDER BY run");
        Assert.Equal([0L, 0L, 1L, 1L], rows.Select(row => (long)row["point"]!));
        Assert.Equal([0L, 1L, 0L, 1L], rows.Select(row => (long)row["replicate"]!));
        Assert.Equal([4.0, 4.0, 6.0, 6.0], rows.Select(row => (double)row["rules.partnerThreshold"]!));
        var seeds = ReplicateSeeds.First(Master, 2).Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([seeds[0], seeds[1], seeds[0], seeds[1]], rows.Select(row => (string)row["seed"]!));

        // Row 3 (threshold 6, replicate 1) is what `run` gives on a scenario file saying the same.
        var variant = _tmp.Write("variant.yaml",
            $"extends: {RepoPaths.Scenario("cisco360-launch.yaml")}\nrun:\n  seed: {seeds[1]}\nrules:\n  partnerThreshold: 6\n");
        var runOut = _tmp.File("variant-out");
        var run = await CliRunner.Run("run", variant, "--partners", "300", "--engine", "inproc", "--quiet", "--out", runOut);
        Assert.True(run.Code == 0, run.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runOut, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(root.GetProperty("digest").GetString(), rows[3]["digest"]);
        Assert.Equal(root.GetProperty("headline").GetProperty("partnerPlusAtLaunch").GetDouble(), (double)rows[3]["partnerPlusAtLaunch"]!);
        Assert.Equal(root.GetProperty("headline").GetProperty("partnersLeft").GetDouble(), (double)rows[3]["partnersLeft"]!);
    }

    [Fact]
    public async Task OnTheGrains_TheRowsAreTheInProcessEnginesRows()
    {
        var file = Write("engines.yaml", "grid", "  rules.partnerThreshold: [4, 6]");
        var (inproc, grains) = (_tmp.File("inproc"), _tmp.File("grains"));
        await Experiment.Run(ExperimentPlan.Load(file, 200), inproc, new RunSettings { Engine = EngineKind.Inproc }, parallel: 1);
        await Experiment.Run(ExperimentPlan.Load(file, 200), grains, new RunSettings { Engine = EngineKind.Grains }, parallel: 2);
        Assert.Equal(File.ReadAllBytes(Path.Combine(inproc, "experiment.parquet")), File.ReadAllBytes(Path.Combine(grains, "experiment.parquet")));
    }

    [Fact]
    public async Task Sobol_RowsAreTheSaltelliPoints_AndAFactorTheModelNeverReadsHasIndicesOfZero()
    {
        var file = Write("sobol.yaml", "{ method: sobol, samples: 6 }",
            "  rules.partnerThreshold: { low: 4, high: 6 }\n  run.description: [one, other]");
        var results = await Run(file, _tmp.File("sobol-out"));

        // The rows are A, B and AB_i of the Saltelli sample drawn from the master seed, in that order.
        var saltelli = SaltelliDesign.Create(6, 2, Master);
        Assert.Equal(6 * (2 + 2), results.Runs.Count);
        var rows = DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(_tmp.File("sobol-out/experiment.parquet"))}) ORDER BY run");
        for (int p = 0; p < saltelli.Points.Count; p++)
        {
            Assert.Equal(4 + 2 * saltelli.Points[p][0], (double)rows[p]["rules.partnerThreshold"]!, 12);
            Assert.Equal(saltelli.Points[p][1] < 0.5 ? "one" : "other", rows[p]["run.description"]);
        }

        foreach (var output in results.Outputs)
        {
            var sobol = output.Sobol!;
            Assert.Equal([0, 1], sobol.Select(s => s.Factor));
            Assert.Equal(0.0, sobol[1].First);
            Assert.Equal(0.0, sobol[1].Total);
            Assert.True(double.IsFinite(sobol[0].First) && double.IsFinite(sobol[0].Total));
        }
        // The threshold decides who is at partner band at launch: it carries the variance.
        Assert.True(results.Outputs[0].Sobol![0].Total > 0.5, $"S_T = {results.Outputs[0].Sobol![0].Total}");
        Assert.Null(results.Outputs[0].Morris);
    }

    [Fact]
    public async Task Morris_ANeverReadFactorHasNoEffect_AndAHigherThresholdNeverAddsPartnerPlus()
    {
        var file = Write("morris.yaml", "{ method: morris, samples: 4, levels: 4 }",
            "  rules.partnerThreshold: { low: 4, high: 6 }\n  run.description: [one, other]");
        var results = await Run(file, _tmp.File("morris-out"));

        Assert.Equal(4 * (2 + 1), results.Runs.Count);
        var effects = results.Outputs[0].Morris!;
        Assert.Equal([0, 1], effects.Select(e => e.Factor));
        Assert.Equal((0.0, 0.0, 0.0), (effects[1].Mu, effects[1].MuStar, effects[1].Sigma));
        // Every elementary effect of the threshold on partners at partner+ at launch is ≤ 0, some < 0: μ = −μ* < 0.
        Assert.True(effects[0].Mu < 0, $"mu = {effects[0].Mu}");
        Assert.Equal(-effects[0].Mu, effects[0].MuStar, 9);
        Assert.Null(results.Outputs[0].Sobol);
    }

    [Fact]
    public async Task ReplicateSeedsAreSharedAcrossPoints_AndPointMeansAreTheReplicatesMeans()
    {
        var file = Write("lhs.yaml", "{ method: lhs, samples: 3 }", "  rules.partnerThreshold: { low: 4, high: 6 }", replicates: 3);
        var results = await Run(file, _tmp.File("lhs-out"));

        var seeds = ReplicateSeeds.First(Master, 3);
        Assert.All(results.Runs, run => Assert.Equal(seeds[run.Replicate], run.Seed));
        foreach (var output in results.Outputs)
        {
            int o = results.Setup.Outputs.ToList().FindIndex(x => x.Name == output.Output.Name);
            foreach (var point in output.Points)
            {
                var values = results.Runs.Where(r => r.Point == point.Point).Select(r => (double)r.Outputs[o]!.Value).ToArray();
                Assert.Equal(values.Average(), point.Mean, 9);
                Assert.Equal(MeanInterval.Of(values).HalfWidth, point.Interval!.Value.HalfWidth, 9);
            }
            Assert.NotNull(output.Advice);
        }
    }
}
