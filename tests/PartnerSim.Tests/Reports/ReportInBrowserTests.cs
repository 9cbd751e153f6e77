using PartnerSim.Tests.Browser;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Reports;

/// <summary>The reports open in headless Chromium with every chart drawn, no console error and no request leaving the file.</summary>
[Collection("Console")]
public sealed class ReportInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private async Task AssertRendersCleanly(string html)
    {
        int charts = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(html)!, "plots"), "*.png").Length;
        await using var page = await chromium.Browser.OpenAsync(html);

        var rendering = await ChartRendering.OfAsync(page);

        Assert.Equal(charts, rendering.Images);
        Assert.True(rendering.AllRendered, rendering.ToString());
        // Drawn at the size the charts were made (1000 × 560), not an empty or broken image.
        Assert.Equal("1000x560", (await page.EvaluateAsync("`${document.images[0].naturalWidth}x${document.images[0].naturalHeight}`")).GetString());
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.UncaughtExceptions);
        Assert.Empty(page.OutsideRequests);
    }

    [BrowserFact]
    public Task RunReportRendersInChromium() => AssertRendersCleanly(Path.Combine(ReportRuns.Of("cisco360-launch"), "report.html"));

    [BrowserFact]
    public async Task CompareReportRendersInChromium()
    {
        var outDir = _tmp.File("compare");
        var r = await CliRunner.Run("compare", ReportRuns.Of("cisco360-launch"), ReportRuns.Of("no-grace"), "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());

        await AssertRendersCleanly(Path.Combine(outDir, "compare.html"));
    }
}
