using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Experiments;

/// <summary>
/// A bad experiment file is told like a bad scenario: one line per problem naming the file, line, column and key,
/// exit code 2, and nothing written (no output directory, no progress record).
/// </summary>
[Collection("Console")]
public sealed class ExperimentFileErrorsTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Line 1 names the base scenario; the case's lines follow from line 2.</summary>
    private const string Design = "design: { method: lhs, samples: 3 }";
    private const string Factor = "factors:\n  rules.partnerThreshold: { low: 4, high: 6 }";
    private const string Output = "outputs:\n  shortfall: fatMiddle.shortfallUsd@launch";

    [Theory]
    // An unknown top-level key, at its own position.
    [InlineData("replicate: 2\n" + Design + "\n" + Factor + "\n" + Output, 2, 1,
        "replicate: unknown key 'replicate'; expected one of: name, description, base, seed, replicates, design, factors, outputs")]
    // An unknown design method, at the method's value: 'design: { method: ' is 18 characters.
    [InlineData("design: { method: sobel, samples: 4 }\n" + Factor + "\n" + Output, 2, 19,
        "design.method: unknown design 'sobel'; expected one of: grid, lhs, sobol, morris")]
    // A factor's scenario key the scenario format lacks, at the key, in the scenario loader's words.
    [InlineData(Design + "\nfactors:\n  rules.partnerThresh: { low: 4, high: 6 }\n" + Output, 4, 3,
        "factors.rules.partnerThresh: unknown key 'partnerThresh'; did you mean 'partnerThreshold'?")]
    // A range whose low end is above its high end, at the low end: '  rules.partnerThreshold: { low: ' is 33 characters.
    [InlineData(Design + "\nfactors:\n  rules.partnerThreshold: { low: 6, high: 4 }\n" + Output, 4, 34,
        "factors.rules.partnerThreshold.low: a range needs low < high (got low 6, high 4)")]
    // A level the key cannot take, at the level: '  rules.thresholdComparator: [">=", ' is 36 characters.
    [InlineData(Design + "\nfactors:\n  rules.thresholdComparator: [\">=\", \"maybe\"]\n" + Output, 4, 37,
        "factors.rules.thresholdComparator: expected one of: atLeast, above, >=, >")]
    // An output naming no figure of the registry, at the query: '  shortfall: ' is 13 characters.
    [InlineData(Design + "\n" + Factor + "\noutputs:\n  shortfall: fatMiddle.shortfalUsd@launch", 6, 14,
        "outputs.shortfall: 'fatMiddle.shortfalUsd@launch': no figure named 'fatMiddle.shortfalUsd'")]
    // A value the scenario refuses only once set (a probability above 1), at the factor that set it.
    [InlineData(Design + "\nfactors:\n  behaviour.pAware: { low: 0.5, high: 1.5 }\n" + Output, 4, 3,
        "factors.behaviour.pAware: must be a probability between 0 and 1")]
    public async Task BadExperimentFile_IsOneLocatedLinePerProblem_ExitTwo_NothingWritten(string body, int line, int column, string message)
    {
        var file = _tmp.Write("bad.yaml", $"base: {RepoPaths.Scenario("cisco360-launch.yaml")}\n{body}\n");
        var outDir = _tmp.File("out");
        var r = await CliRunner.Run("experiment", file, "--partners", "200", "--quiet", "--out", outDir);

        Assert.True(r.Code == 2, r.ToString());
        var first = r.ErrLines[0];
        Assert.StartsWith($"error: {file}:{line}:{column}: {message}", first);
        Assert.False(Directory.Exists(outDir));
        Assert.False(Directory.Exists(outDir + ".partial"));
    }

    [Fact]
    public async Task EveryProblemOfTheFile_IsToldAtOnce()
    {
        var file = _tmp.Write("bad.yaml", $"""
            base: {RepoPaths.Scenario("cisco360-launch.yaml")}
            replicates: 0
            design: {"{"} method: morris, samples: 2, levels: 3 {"}"}
            factors:
              rules.partnerThreshold: {"{"} low: 4, high: 6, distribution: normal {"}"}
              rules.mspmBasicIndex: {"{"} low: 3, high: 5.5 {"}"}
            outputs:
              run: partnerPlus@end
            """);
        var r = await CliRunner.Run("experiment", file, "--quiet", "--out", _tmp.File("out"));

        Assert.Equal(2, r.Code);
        // Columns: the value after 'design: { method: morris, samples: 2, levels: ' (46 characters), after
        // '  rules.partnerThreshold: { low: 4, high: 6, distribution: ' (59) and after '  rules.mspmBasicIndex: { low: ' (31).
        Assert.Equal(
        [
            $"error: {file}:2:13: replicates: must be between 1 and 10000 (got 0)",
            $"error: {file}:3:47: design.levels: a Morris grid needs an even number of levels (got 3)",
            $"error: {file}:5:60: factors.rules.partnerThreshold.distribution: unknown distribution 'normal'; expected one of: uniform, logUniform",
            $"error: {file}:6:32: factors.rules.mspmBasicIndex.low: 'rules.mspmBasicIndex' is a whole number: a range over it needs whole-number ends (got 3..5.5)",
            $"error: {file}:8:3: outputs.run: 'run' names a column every run row has (run, point, replicate, seed, digest); choose another name",
        ], r.ErrLines);
    }

    [Fact]
    public async Task MissingExperimentFile_IsBadInput()
    {
        var r = await CliRunner.Run("experiment", _tmp.File("nope.yaml"), "--quiet", "--out", _tmp.File("out"));
        Assert.Equal(2, r.Code);
        Assert.Contains("experiment file not found", r.Err);
    }
}
