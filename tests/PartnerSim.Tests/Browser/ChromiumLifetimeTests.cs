using System.Diagnostics;

namespace PartnerSim.Tests.Browser;

/// <summary>A launched Chromium leaves nothing behind: its process is gone and its profile deleted.</summary>
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
