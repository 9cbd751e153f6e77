using System.Diagnostics;

namespace PartnerSim.Tests.Browser;

/// <summary>A launched Chromium leaves nothing behind, and a dead one fails the test at once instead of hanging it.</summary>
public sealed class ChromiumLifetimeTests
{
    [BrowserFact]
    public async Task DisposingEndsTheProcessAndDeletesTheProfile()
    {
        var browser = await HeadlessChromium.LaunchAsync();
        int pid = browser.ProcessId;
        string profile = browser.ProfileDirectory;
        Assert.True(Directory.Exists(profile));

        await browser.DisposeAsync();

        Assert.False(Directory.Exists(profile));
        Assert.False(IsRunning(pid));
    }

    [BrowserFact]
    public async Task CommandsFailAtOnceWhenChromiumDies()
    {
        string dir = Directory.CreateTempSubdirectory("partnersim-page-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "page.html"), "<p>hello</p>");
            var browser = await HeadlessChromium.LaunchAsync();
            string profile = browser.ProfileDirectory;
            var page = await browser.OpenAsync(Path.Combine(dir, "page.html"));
            using (var chromium = Process.GetProcessById(browser.ProcessId))
            {
                chromium.Kill(entireProcessTree: true);
                await chromium.WaitForExitAsync();
            }

            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAsync<InvalidOperationException>(() => page.EvaluateAsync("1"));
            Assert.True(watch.Elapsed < DevToolsConnection.CommandTimeout / 2, $"took {watch.Elapsed}");
            await page.DisposeAsync();
            await browser.DisposeAsync();
            Assert.False(Directory.Exists(profile));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }
}
