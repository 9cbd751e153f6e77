using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerSim.Tests.Browser;

/// <summary>
/// One WebSocket to Chromium's DevTools endpoint: commands get answers matched by id, events are handed to the
/// listener of the session (flattened target sessions) they belong to. Thread-safe, so pages may share it.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions s_json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _waiting = new();
    private readonly ConcurrentDictionary<string, Action<string, JsonElement>> _listeners = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private int _lastId;
    private Exception? _ended;

    private DevToolsConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancel)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(endpoint, cancel);
            return new DevToolsConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a command (to the browser when <paramref name="sessionId"/> is null) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? sessionId = null)
    {
        int id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = answer;
        try
        {
            if (Volatile.Read(ref _ended) is { } ended) throw ended;
            byte[] message = JsonSerializer.SerializeToUtf8Bytes(
                new Command(id, method, parameters ?? new { }, sessionId), s_json);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            timeout.CancelAfter(CommandTimeout);
            await _sending.WaitAsync(timeout.Token);
            try { await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token); }
            finally { _sending.Release(); }
            return await answer.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!_closing.IsCancellationRequested)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {CommandTimeout.TotalSeconds:0} s");
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    /// <summary>Sends a command from an event listener, which must not wait for the answer: the answer arrives
    /// on the thread that is running the listener.</summary>
    public void Post(string method, object parameters, string sessionId) =>
        _ = SendAsync(method, parameters, sessionId).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    public void Listen(string sessionId, Action<string, JsonElement> onEvent) => _listeners[sessionId] = onEvent;

    public void StopListening(string sessionId) => _listeners.TryRemove(sessionId, out _);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        Exception? failure = null;
        try
        {
            while (true)
            {
                var part = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception e) // the socket failed, or a message or listener did: either way no more answers come
        {
            failure = e;
        }
        var ended = new InvalidOperationException(
            failure is null or OperationCanceledException or WebSocketException
                ? "Chromium closed its DevTools connection"
                : $"Reading Chromium's DevTools messages failed: {failure.Message}", failure);
        Volatile.Write(ref _ended, ended);
        foreach (var waiting in _waiting.Values) waiting.TrySetException(ended);
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id))
        {
            if (!_waiting.TryGetValue(id.GetInt32(), out var answer)) return;
            if (root.TryGetProperty("error", out var error))
                answer.TrySetException(new InvalidOperationException($"DevTools error: {error.GetRawText()}"));
            else
                answer.TrySetResult(root.GetProperty("result").Clone());
        }
        else if (root.TryGetProperty("method", out var method))
        {
            string session = root.TryGetProperty("sessionId", out var s) ? s.GetString()! : "";
            if (_listeners.TryGetValue(session, out var listener))
                listener(method.GetString()!, root.TryGetProperty("params", out var p) ? p.Clone() : default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        try { await _receiving.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        _socket.Abort();
        _socket.Dispose();
        _closing.Dispose();
        _sending.Dispose();
    }

    private sealed record Command(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("method")] string Method,
        [property: JsonPropertyName("params")] object Params,
        [property: JsonPropertyName("sessionId")] string? SessionId);
}
