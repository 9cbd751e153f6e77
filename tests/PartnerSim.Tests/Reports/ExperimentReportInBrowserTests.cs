using PartnerSim.Tests.Browser;

namespace PartnerSim.Tests.Reports;

/// <summary>An experiment's report opens in headless Chromium with every chart drawn, no console error and no request leaving the file.</summary>
public sealed class ExperimentReportInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [BrowserFact]
    public Task SobolReportRendersInChromium() => AssertRendersCleanly("sobol");

    [BrowserFact]
    public Task LatinHypercubeReportRendersInChromium() => AssertRendersCleanly("lhs");

    private async Task AssertRendersCleanly(string design)
    {
        var dir = ExperimentReportTests.Dir(design);
        var charts = Directory.GetFiles(Path.Combine(dir, "charts"), "*.png");
        await using var page = await chromium.Browser.OpenAsync(Path.Combine(dir, "report.html"));

        var rendering = await ChartRendering.OfAsync(page);

        Assert.Equal(charts.Length, rendering.Images);
        Assert.True(rendering.AllRendered, rendering.ToString());
        // The scatter matrix and the tornado are not the run charts' size: each is drawn at its own.
        var sizes = await page.EvaluateAsync("[...document.images].map(i => `${i.id || i.closest('figure').id}=${i.naturalWidth}x${i.naturalHeight}`).join(' ')");
        foreach (var png in charts)
        {
            var bytes = File.ReadAllBytes(png);
            var (w, h) = (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            Assert.Contains($"chart-{Path.GetFileNameWithoutExtension(png)}={w}x{h}", sizes.GetString()!.Split(' '));
        }
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.UncaughtExceptions);
        Assert.Empty(page.OutsideRequests);
    }
}
