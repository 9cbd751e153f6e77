using System.Text.Json.Nodes;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Reports;

/// <summary>
/// <c>partnersim report DIR</c> on an experiment directory (its summary.json names an experiment) rebuilds the report
/// the experiment wrote, from its summary.json and charts; bad input names the file and field and changes nothing.
/// </summary>
[Collection("Console")]
public sealed class ExperimentReportCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("sobol"), InlineData("lhs"), InlineData("pilot")]
    public async Task ReportRebuildsTheSameFileFromTheExperimentsFiles(string design)
    {
        var dir = ReportRuns.Copy(ExperimentReportTests.Dir(design), _tmp.File(design));
        var written = ReportRuns.Snapshot(dir);
        File.Delete(Path.Combine(dir, "report.html"));

        var r = await CliRunner.Run("report", dir);

        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(written, ReportRuns.Snapshot(dir));
        Assert.StartsWith($"wrote {Path.Combine(dir, "report.html")} with the ", r.Out);
    }

    [Fact]
    public async Task ReportOfAnExperimentSummaryWithoutOutputsNamesTheFieldAndChangesNothing()
    {
        var dir = ReportRuns.Copy(ExperimentReportTests.Dir("lhs"), _tmp.File("lhs"));
        var summary = Path.Combine(dir, "summary.json");
        var json = JsonNode.Parse(File.ReadAllText(summary))!.AsObject();
        json.Remove("outputs");
        File.WriteAllText(summary, json.ToJsonString());
        var before = ReportRuns.Snapshot(dir);

        var r = await CliRunner.Run("report", dir);

        Assert.Equal(2, r.Code);
        Assert.Equal([$"error: {summary}: outputs: missing"], r.ErrLines);
        Assert.Equal(before, ReportRuns.Snapshot(dir));
    }

    [Fact]
    public async Task ReportOfAnExperimentWithAChartMissingNamesTheChart()
    {
        var dir = ReportRuns.Copy(ExperimentReportTests.Dir("lhs"), _tmp.File("lhs"));
        var chart = Path.Combine(dir, "charts", "scatter-matrix.png");
        File.Delete(chart);
        var before = ReportRuns.Snapshot(dir);

        var r = await CliRunner.Run("report", dir);

        Assert.Equal(2, r.Code);
        Assert.Equal([$"error: {chart}: not found (the experiment's charts are incomplete)"], r.ErrLines);
        Assert.Equal(before, ReportRuns.Snapshot(dir));
    }
}
