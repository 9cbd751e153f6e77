using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PartnerSim.Tests.Browser;

/// <summary>
/// Debian's Chromium, started headless with a fresh profile and driven over the DevTools protocol, to open local
/// HTML files (<see cref="OpenAsync"/>). Disposing closes it, kills what is left of its process tree and deletes
/// the profile. Without Chromium the tests are skipped (<see cref="BrowserFactAttribute"/>), or fail when
/// <c>PARTNERSIM_REQUIRE_BROWSER=1</c> (CI).
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";
    public const string RequireVariable = "PARTNERSIM_REQUIRE_BROWSER";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(20);

    // As root Chromium needs --no-sandbox. The rest keep it off the network (this machine's network is closed:
    // without them Chromium's own background connections fail many at a time) and off the GPU.
    private static readonly string[] s_flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--remote-debugging-port=0", "about:blank",
    ];

    public static bool Installed => File.Exists(ExecutablePath);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    private readonly Process _process;
    private readonly string _profile;
    private readonly StderrTail _stderr;
    private DevToolsConnection? _connection;

    private HeadlessChromium(Process process, string profile, StderrTail stderr)
    {
        _process = process;
        _profile = profile;
        _stderr = stderr;
    }

    internal int ProcessId => _process.Id;

    internal string ProfileDirectory => _profile;

    internal DevToolsConnection Connection => _connection ?? throw new ObjectDisposedException(nameof(HeadlessChromium));

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!Installed)
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath} (apt-get install -y chromium)");
        string profile = Directory.CreateTempSubdirectory("partnersim-chromium-").FullName;
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in s_flags) start.ArgumentList.Add(flag);
        start.ArgumentList.Insert(0, $"--user-data-dir={profile}");

        var stderr = new StderrTail();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        process.OutputDataReceived += (_, _) => { };
        var browser = new HeadlessChromium(process, profile, stderr);
        try
        {
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            using var timeout = new CancellationTokenSource(s_startTimeout);
            var exited = process.WaitForExitAsync(timeout.Token);
            var listening = await Task.WhenAny(stderr.Endpoint, exited);
            if (listening != stderr.Endpoint)
                throw new InvalidOperationException(
                    (process.HasExited ? $"Chromium exited with {process.ExitCode}" : $"Chromium did not open DevTools within {s_startTimeout.TotalSeconds:0} s")
                    + $"; its last output:\n{stderr}");
            browser._connection = await DevToolsConnection.ConnectAsync(await stderr.Endpoint, timeout.Token);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a local HTML file in a new tab and waits for its load event. Requests that would leave the
    /// file are blocked and recorded (<see cref="LoadedPage.OutsideRequests"/>).</summary>
    public Task<LoadedPage> OpenAsync(string htmlPath) => LoadedPage.OpenAsync(Connection, Path.GetFullPath(htmlPath));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection is not null)
            {
                try { await _connection.SendAsync("Browser.close"); }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException) { } // killed below
                await _connection.DisposeAsync();
                _connection = null;
            }
            if (IsRunning())
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try { await _process.WaitForExitAsync(grace.Token); } catch (OperationCanceledException) { }
            }
            if (IsRunning()) _process.Kill(entireProcessTree: true);
            if (IsRunning()) _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _process.Dispose();
            // Chromium's last writes to the profile may race a first attempt at deleting it.
            for (int attempt = 0; attempt < 5 && Directory.Exists(_profile); attempt++)
            {
                try { Directory.Delete(_profile, recursive: true); }
                catch (IOException) { await Task.Delay(100); }
                catch (UnauthorizedAccessException) { await Task.Delay(100); }
            }
        }
    }

    private bool IsRunning()
    {
        try { return !_process.HasExited; }
        catch (InvalidOperationException) { return false; } // never started
    }

    /// <summary>The last lines Chromium wrote to stderr (for failure messages), and the DevTools endpoint it
    /// announces there.</summary>
    private sealed partial class StderrTail
    {
        private const int Keep = 40;
        private readonly Queue<string> _lines = new();
        private readonly TaskCompletionSource<Uri> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Uri> Endpoint => _endpoint.Task;

        public void Add(string? line)
        {
            if (line is null) return;
            if (Listening().Match(line) is { Success: true } m) _endpoint.TrySetResult(new Uri(m.Groups[1].Value));
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > Keep) _lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (_lines) return string.Join('\n', _lines);
        }

        [GeneratedRegex(@"^DevTools listening on (ws://\S+)")]
        private static partial Regex Listening();
    }
}
