using System.Text.Json;

namespace PartnerSim.Tests.Integration;

/// <summary><c>partnersim sweep</c>: the grid, its rows, and that each row is the run a scenario file would give.</summary>
[Collection("Console")]
public sealed class SweepTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string[] Cells(string line) => line.Split(',');

    [Fact]
    public async Task Sweep_GridTimesSeeds_RowsMatchTheEquivalentScenarioRuns()
    {
        var csv = _tmp.File("sweep.csv");
        var r = await CliRunner.Run("sweep", RepoPaths.Scenario("cisco360-launch.yaml"),
            "--set", "rules.partnerThreshold=4,6", "--seeds", "2", "--partners", "1500", "--quarters", "4", "--quiet", "--out", csv);
        Assert.True(r.Code == 0, r.ToString());

        var lines = File.ReadAllLines(csv);
        var header = Cells(lines[0]);
        Assert.Equal(["rules.partnerThreshold", "seed", "digest"], header[..3]);
        Assert.Equal(1 + 2 * 2, lines.Length); // header + 2 values × 2 seeds

        var rows = lines[1..].Select(Cells).ToList();
        Assert.Equal(["4", "4", "6", "6"], rows.Select(c => c[0]));
        Assert.Equal(["20260125", "20260126", "20260125", "20260126"], rows.Select(c => c[1]));

        // Row (threshold 6, second seed) is exactly what a scenario file with those values gives on `run`.
        var variant = _tmp.Write("variant.yaml",
            $"extends: {RepoPaths.Scenario("cisco360-launch.yaml")}\nrun:\n  seed: 20260126\nrules:\n  partnerThreshold: 6\n");
        var outDir = _tmp.File("variant-out");
        var run = await CliRunner.Run("run", variant, "--partners", "1500", "--quarters", "4", "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(run.Code == 0, run.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(summary.RootElement.GetProperty("digest").GetString(), rows[3][2]);

        // A lower CPI threshold can only put more partners at or above it (same seed, same partners).
        int partnerPlus = Array.IndexOf(header, "partner_plus_at_launch");
        Assert.True(long.Parse(rows[0][partnerPlus]) > long.Parse(rows[2][partnerPlus]));
        Assert.True(long.Parse(rows[1][partnerPlus]) > long.Parse(rows[3][partnerPlus]));
    }

    [Theory]
    [InlineData("rules.partnerThreshold=abc", "expected a number")]
    [InlineData("rules.partnerThresh=4", "unknown key")]
    [InlineData("rules.partnerThreshold", "expected key=value")]
    [InlineData("behaviour.pAware=0.5,1.5", "probability")]
    public async Task Sweep_BadSet_IsBadInput_AndWritesNothing(string set, string message)
    {
        var csv = _tmp.File("bad.csv");
        var r = await CliRunner.Run("sweep", RepoPaths.Scenario("cisco360-launch.yaml"), "--set", set, "--partners", "200",
            "--quarters", "2", "--quiet", "--out", csv);
        Assert.Equal(2, r.Code);
        Assert.StartsWith("error:", r.Err);
        Assert.Contains(message, r.Err);
        Assert.False(File.Exists(csv));
    }
}
