using System.Diagnostics;
using System.Text;

namespace PartnerSim.Runs.Cluster;

/// <summary>
/// One of PartnerSim's own programs (the CLI, a stand-alone silo) run as a child process from its assembly next to the
/// running program, with the same dotnet host: its output is kept, a line can be waited for, and it can be killed hard
/// (SIGKILL), as the failure drill, the bench's recovery measurement and the tests need.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new(), _err = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waits = [];
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _openStreams = 2;

    public int Id { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output so far.</summary>
    public string Out { get { lock (_out) return _out.ToString(); } }

    /// <summary>Standard error so far.</summary>
    public string Err { get { lock (_out) return _err.ToString(); } }

    private ChildProcess(Process process)
    {
        _process = process;
        Id = process.Id;
    }

    /// <param name="assembly">The program's assembly file, e.g. <c>partnersim.dll</c> or <c>PartnerSim.Silo.dll</c>.</param>
    /// <param name="environment">Variables for this child only (e.g. a fault to inject).</param>
    public static ChildProcess Start(string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        var child = new ChildProcess(Process.Start(psi)!);
        child._process.OutputDataReceived += (_, e) => child.Take(e.Data, child._out);
        child._process.ErrorDataReceived += (_, e) => child.Take(e.Data, child._err);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    private void Take(string? line, StringBuilder into)
    {
        List<TaskCompletionSource<string>> seen = [];
        lock (_out)
        {
            if (line is null)
            {
                if (--_openStreams == 0) _outputEnded.TrySetResult();
                return;
            }
            into.AppendLine(line);
            foreach (var wait in _waits.Where(w => w.Match(line)).ToList())
            {
                _waits.Remove(wait);
                seen.Add(wait.Seen);
            }
        }
        foreach (var s in seen) s.TrySetResult(line);
    }

    /// <summary>
    /// The first line (on either stream, from now on or already written) that matches; throws if the process ends first
    /// or at the time limit, with what it wrote.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan limit)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_out)
        {
            var earlier = (_out + "\n" + _err).Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match);
            if (earlier is not null) return earlier;
            _waits.Add((match, seen));
        }
        var ended = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, ended, Task.Delay(limit));
        if (first == seen.Task) return await seen.Task;
        throw new InvalidOperationException(
            $"process {Id} {(first == ended ? $"exited with {_process.ExitCode}" : $"wrote no such line in {limit.TotalSeconds:F0} s")}: {Out}{Err}");
    }

    /// <summary>The exit code once the process ends (its output read to the end); null at the time limit.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await _outputEnded.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return _process.ExitCode;
        }
        catch (OperationCanceledException) { return null; }
        catch (TimeoutException) { return _process.ExitCode; }
    }

    /// <summary>SIGKILL: the process is gone at once, with no goodbye to anyone.</summary>
    public async Task KillAsync()
    {
        try { _process.Kill(); }
        catch (InvalidOperationException) { } // it had exited
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>The dotnet host that runs this process (so children use the same runtime).</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
}
