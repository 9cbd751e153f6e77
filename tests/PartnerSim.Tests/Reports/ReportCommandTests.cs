using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Reports;

/// <summary><c>partnersim report DIR</c> rebuilds the report from the run's files; bad input changes nothing.</summary>
[Collection("Console")]
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task ReportRebuildsTheSameReportAndChartsFromTheFiles()
    {
        var dir = ReportRuns.Copy(ReportRuns.Of("cisco360-launch"), _tmp.File("run"));
        var written = ReportRuns.Snapshot(dir);
        File.Delete(Path.Combine(dir, "report.html"));
        Directory.Delete(Path.Combine(dir, "plots"), recursive: true);

        var r = await CliRunner.Run("report", dir);

        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(written, ReportRuns.Snapshot(dir));
        Assert.Equal(written.Keys, Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReportOfAMissingDirectoryIsBadInput()
    {
        var missing = _tmp.File("nowhere");

        var r = await CliRunner.Run("report", missing);

        Assert.Equal(2, r.Code);
        Assert.Equal([$"error: {missing}: no such directory"], r.ErrLines);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task ReportOfAnUnreadableSummaryIsBadInputAndChangesNothing()
    {
        var dir = ReportRuns.Copy(ReportRuns.Of("cisco360-launch"), _tmp.File("run"));
        var summary = Path.Combine(dir, "summary.json");
        var lines = File.ReadAllLines(summary);
        File.WriteAllLines(summary, lines.Take(5).Append("  \"seed\": ,"));
        var before = ReportRuns.Snapshot(dir);

        var r = await CliRunner.Run("report", dir);

        Assert.Equal(2, r.Code);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith($"error: {summary}:6: not valid JSON", line);
        Assert.Equal(before, ReportRuns.Snapshot(dir));
        Assert.Equal(["plots"], Directory.GetDirectories(dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ReportOfASummaryWithoutQuartersNamesTheField()
    {
        var dir = ReportRuns.Copy(ReportRuns.Of("cisco360-launch"), _tmp.File("run"));
        var summary = Path.Combine(dir, "summary.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(summary))!.AsObject();
        json.Remove("perQuarter");
        File.WriteAllText(summary, json.ToJsonString());

        var r = await CliRunner.Run("report", dir);

        Assert.Equal(2, r.Code);
        Assert.Equal([$"error: {summary}: perQuarter: missing"], r.ErrLines);
    }

    [Fact]
    public async Task CompareWithAMissingSideIsBadInputAndWritesNothing()
    {
        var outDir = _tmp.File("compare");
        var missing = _tmp.File("nowhere");

        var r = await CliRunner.Run("compare", ReportRuns.Of("cisco360-launch"), missing, "--out", outDir);

        Assert.Equal(2, r.Code);
        Assert.Equal([$"error: {missing}: no such directory"], r.ErrLines);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task CompareWithADirectoryThatHoldsNoRunIsBadInput()
    {
        var empty = Directory.CreateDirectory(_tmp.File("empty")).FullName;

        var r = await CliRunner.Run("compare", empty, ReportRuns.Of("cisco360-launch"), "--out", _tmp.File("compare"));

        Assert.Equal(2, r.Code);
        Assert.StartsWith($"error: {empty}: neither a run directory", Assert.Single(r.ErrLines));
        Assert.False(Directory.Exists(_tmp.File("compare")));
    }
}
