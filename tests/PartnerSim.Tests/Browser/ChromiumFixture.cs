namespace PartnerSim.Tests.Browser;

/// <summary>One headless Chromium for a test class (<c>IClassFixture&lt;ChromiumFixture&gt;</c>); each test opens its
/// own tab. Not started when Chromium is missing and not required, so every [BrowserFact] is skipped.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private HeadlessChromium? _browser;

    public HeadlessChromium Browser => _browser ?? throw new InvalidOperationException("Chromium was not started");

    public async Task InitializeAsync()
    {
        if (!HeadlessChromium.Installed && !HeadlessChromium.Required) return;
        if (!HeadlessChromium.Installed)
            throw new InvalidOperationException(
                $"Chromium is not installed at {HeadlessChromium.ExecutablePath} (apt-get install -y chromium), " +
                $"and {HeadlessChromium.RequireVariable}=1 requires it");
        _browser = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }
}

/// <summary>A test needing Chromium: skipped when it is not installed, unless PARTNERSIM_REQUIRE_BROWSER=1 (then it fails).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!HeadlessChromium.Installed && !HeadlessChromium.Required)
            Skip = $"Chromium not installed at {HeadlessChromium.ExecutablePath} (set {HeadlessChromium.RequireVariable}=1 to fail instead)";
    }
}
