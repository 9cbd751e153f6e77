using System.Diagnostics;
using ScottPlot;

namespace PartnerSim.Tests.Browser;

/// <summary>The checks a report's tests rely on, each shown to pass on a page that is fine and to catch the fault
/// it exists for: charts that did not render, console errors, uncaught exceptions, requests leaving the file.</summary>
public sealed class RenderedPageChecksTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("partnersim-page-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<LoadedPage> Open(string body)
    {
        string path = Path.Combine(_dir, $"page{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>");
        return await chromium.Browser.OpenAsync(path);
    }

    private static Plot Chart()
    {
        var plot = new Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3, 4 }, new double[] { 1, 4, 9, 16 });
        return plot;
    }

    [BrowserFact]
    public async Task ChartsEmbeddedAsPngDataUriAndInlineSvgRender()
    {
        await using var page = await Open(Chart().GetPngHtml(400, 300) + Chart().GetSvgHtml(300, 200));

        var rendering = await ChartRendering.OfAsync(page);

        Assert.Equal((1, 1), (rendering.Images, rendering.Svgs));
        Assert.True(rendering.AllRendered, rendering.ToString());
        // The sizes the charts were drawn at, read back from the decoded picture and the laid-out SVG.
        Assert.Equal("400x300", (await page.EvaluateAsync("`${document.images[0].naturalWidth}x${document.images[0].naturalHeight}`")).GetString());
        Assert.Equal("300x200", (await page.EvaluateAsync(
            "(b => `${b.width}x${b.height}`)(document.querySelector('svg').getBoundingClientRect())")).GetString());
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.UncaughtExceptions);
        Assert.Empty(page.OutsideRequests);
    }

    [BrowserFact]
    public async Task BrokenDataUriImageIsNotRendered()
    {
        await using var page = await Open("<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\">");

        var rendering = await ChartRendering.OfAsync(page);

        Assert.Equal(1, rendering.Images);
        Assert.Single(rendering.NotRendered);
        Assert.StartsWith("img 1 (data:image/png;base64,", rendering.NotRendered[0]);
        Assert.Empty(page.OutsideRequests);
    }

    [BrowserFact]
    public async Task SvgWithoutSizeIsNotRendered()
    {
        await using var page = await Open("<svg id=\"empty\" width=\"0\" height=\"100\"></svg>");

        var rendering = await ChartRendering.OfAsync(page);

        Assert.Equal(["svg 1 #empty: bounding box 0x100"], rendering.NotRendered);
    }

    [BrowserFact]
    public async Task ConsoleErrorIsReported()
    {
        await using var page = await Open("<script>console.log(\"fine\"); console.warn(\"also fine\"); console.error(\"x\");</script>");

        Assert.Equal(["x"], page.ConsoleErrors);
        Assert.Empty(page.UncaughtExceptions);
    }

    [BrowserFact]
    public async Task UncaughtExceptionIsReported()
    {
        await using var page = await Open("<script>throw new Error(\"boom\");</script><p>after</p>");

        var thrown = Assert.Single(page.UncaughtExceptions);
        Assert.StartsWith("Error: boom", thrown);
        Assert.Empty(page.ConsoleErrors);
    }

    [BrowserFact]
    public async Task RequestToTheWebIsReportedAndBlocked()
    {
        var watch = Stopwatch.StartNew();
        await using var page = await Open("<img src=\"http://example.com/a.png\">");
        watch.Stop();

        Assert.Equal(["http://example.com/a.png"], page.OutsideRequests);
        Assert.Single((await ChartRendering.OfAsync(page)).NotRendered);
        Assert.Contains(page.ConsoleErrors, e => e.Contains("ERR_BLOCKED_BY_CLIENT") && e.Contains("http://example.com/a.png"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"blocked request still took {watch.Elapsed}");
    }

    [BrowserFact]
    public async Task FileBesideThePageIsAnOutsideRequestAndBlocked()
    {
        await File.WriteAllBytesAsync(Path.Combine(_dir, "chart.png"), Chart().GetImageBytes(40, 30, ImageFormat.Png));
        await using var page = await Open("<img src=\"chart.png\">");

        Assert.Equal([new Uri(Path.Combine(_dir, "chart.png")).AbsoluteUri], page.OutsideRequests);
        Assert.Single((await ChartRendering.OfAsync(page)).NotRendered); // blocked, though the file is there
    }

    [BrowserFact]
    public async Task EvaluateReturnsValuesAndReportsThrownErrors()
    {
        await using var page = await Open("<p id=\"p\">hello</p>");

        Assert.Equal("hello", (await page.EvaluateAsync("document.getElementById('p').textContent")).GetString());
        Assert.Equal(42, (await page.EvaluateAsync("new Promise(r => setTimeout(() => r(6 * 7), 10))")).GetInt32());
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => page.EvaluateAsync("null.x"));
        Assert.Contains("TypeError", thrown.Message);
    }
}
