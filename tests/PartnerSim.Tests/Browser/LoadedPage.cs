using System.Text.Json;

namespace PartnerSim.Tests.Browser;

/// <summary>
/// A local HTML file loaded in its own Chromium tab, with what went wrong while it loaded: console errors (including
/// Chromium's own "Failed to load resource" lines), uncaught exceptions, and requests for anything but the file
/// itself and data:/blob:/about: URLs. Such requests are blocked, so a page cannot wait on the network.
/// </summary>
public sealed class LoadedPage : IAsyncDisposable
{
    private static readonly TimeSpan s_loadTimeout = TimeSpan.FromSeconds(15);

    private readonly DevToolsConnection _connection;
    private readonly string _targetId;
    private readonly string _sessionId;
    private readonly string _url;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _exceptions = [];
    private readonly List<string> _outsideRequests = [];
    private readonly List<(string LoaderId, string Name)> _lifecycle = [];
    private readonly object _gate = new();
    private Action? _lifecycleChanged;

    private LoadedPage(DevToolsConnection connection, string targetId, string sessionId, string url)
    {
        _connection = connection;
        _targetId = targetId;
        _sessionId = sessionId;
        _url = url;
    }

    public string Url => _url;

    public IReadOnlyList<string> ConsoleErrors { get { lock (_gate) return [.. _consoleErrors]; } }

    public IReadOnlyList<string> UncaughtExceptions { get { lock (_gate) return [.. _exceptions]; } }

    /// <summary>URLs the page asked for beyond the file itself (blocked, so never fetched).</summary>
    public IReadOnlyList<string> OutsideRequests { get { lock (_gate) return [.. _outsideRequests]; } }

    internal static async Task<LoadedPage> OpenAsync(DevToolsConnection connection, string fullPath)
    {
        var target = await connection.SendAsync("Target.createTarget", new { url = "about:blank" });
        string targetId = target.GetProperty("targetId").GetString()!;
        var attached = await connection.SendAsync("Target.attachToTarget", new { targetId, flatten = true });
        string sessionId = attached.GetProperty("sessionId").GetString()!;
        var page = new LoadedPage(connection, targetId, sessionId, new Uri(fullPath).AbsoluteUri);
        try
        {
            connection.Listen(sessionId, page.OnEvent);
            foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
                await page.SendAsync($"{domain}.enable");
            await page.SendAsync("Page.setLifecycleEventsEnabled", new { enabled = true });
            await page.SendAsync("Fetch.enable", new { patterns = new[] { new { urlPattern = "*" } } });
            await page.LoadAsync();
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    private async Task LoadAsync()
    {
        var navigation = await SendAsync("Page.navigate", new { url = _url });
        if (navigation.TryGetProperty("errorText", out var error))
            throw new InvalidOperationException($"Chromium could not open {_url}: {error.GetString()}");
        string loaderId = navigation.GetProperty("loaderId").GetString()!;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _lifecycleChanged = () => { if (_lifecycle.Contains((loaderId, "load"))) loaded.TrySetResult(); };
            _lifecycleChanged();
        }
        try { await loaded.Task.WaitAsync(s_loadTimeout); }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_url} did not finish loading within {s_loadTimeout.TotalSeconds:0} s");
        }
        // Events the renderer sent before this answer have been recorded once the answer arrives.
        await EvaluateAsync("0");
    }

    /// <summary>Evaluates a JavaScript expression in the page (awaiting it if it is a promise) and returns its
    /// value as JSON; a thrown exception becomes an <see cref="InvalidOperationException"/>.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var evaluated = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (evaluated.TryGetProperty("exceptionDetails", out var thrown))
            throw new InvalidOperationException($"JavaScript threw: {Describe(thrown)}");
        return evaluated.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    private Task<JsonElement> SendAsync(string method, object? parameters = null) =>
        _connection.SendAsync(method, parameters, _sessionId);

    private void OnEvent(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "Fetch.requestPaused":
                string requestId = parameters.GetProperty("requestId").GetString()!;
                if (IsInsideFile(parameters.GetProperty("request").GetProperty("url").GetString()!))
                    _connection.Post("Fetch.continueRequest", new { requestId }, _sessionId);
                else
                    _connection.Post("Fetch.failRequest", new { requestId, errorReason = "BlockedByClient" }, _sessionId);
                break;
            case "Network.requestWillBeSent":
                Record(_outsideRequests, parameters.GetProperty("request").GetProperty("url").GetString()!, outsideOnly: true);
                break;
            case "Network.webSocketCreated":
                Record(_outsideRequests, parameters.GetProperty("url").GetString()!, outsideOnly: true);
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert":
                Record(_consoleErrors, string.Join(' ', parameters.GetProperty("args").EnumerateArray().Select(DescribeValue)));
                break;
            case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() == "error":
                var entry = parameters.GetProperty("entry");
                string where = entry.TryGetProperty("url", out var url) ? $" ({url.GetString()})" : "";
                Record(_consoleErrors, entry.GetProperty("text").GetString() + where);
                break;
            case "Runtime.exceptionThrown":
                Record(_exceptions, Describe(parameters.GetProperty("exceptionDetails")));
                break;
            case "Page.lifecycleEvent":
                lock (_gate)
                {
                    _lifecycle.Add((parameters.GetProperty("loaderId").GetString()!, parameters.GetProperty("name").GetString()!));
                    _lifecycleChanged?.Invoke();
                }
                break;
        }
    }

    private void Record(List<string> list, string text, bool outsideOnly = false)
    {
        if (outsideOnly && IsInsideFile(text)) return;
        lock (_gate) list.Add(text);
    }

    private bool IsInsideFile(string url) =>
        url == _url || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal)
        || url.StartsWith("about:", StringComparison.Ordinal);

    private static string Describe(JsonElement exceptionDetails) =>
        exceptionDetails.TryGetProperty("exception", out var exception) && exception.TryGetProperty("description", out var description)
            ? description.GetString()!
            : exceptionDetails.GetProperty("text").GetString()!;

    private static string DescribeValue(JsonElement remoteObject) =>
        remoteObject.TryGetProperty("value", out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
        : remoteObject.TryGetProperty("description", out var description) ? description.GetString()!
        : remoteObject.GetProperty("type").GetString()!;

    public async ValueTask DisposeAsync()
    {
        _connection.StopListening(_sessionId);
        try { await _connection.SendAsync("Target.closeTarget", new { targetId = _targetId }); }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { } // the browser is gone or going
    }
}
