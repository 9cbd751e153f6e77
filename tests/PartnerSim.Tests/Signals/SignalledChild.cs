using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace PartnerSim.Tests.Signals;

/// <summary>
/// A program of the build output (partnersim.dll, PartnerSim.Silo.dll) run as a child process that a test sends
/// signals to: its output is read line by line as it comes, so the test can wait for a phase before it signals, and
/// the time from the signal to the exit is measured. Killed when disposed, if still running.
/// </summary>
internal sealed class SignalledChild : IDisposable
{
    public const int SigInt = 2, SigTerm = 15;

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _stderr = [], _stdout = [];
    private readonly Stopwatch _sinceSignal = new();

    private SignalledChild(Process process) => _process = process;

    public IReadOnlyList<string> Stderr { get { lock (_stderr) return _stderr.ToList(); } }
    public IReadOnlyList<string> Stdout { get { lock (_stdout) return _stdout.ToList(); } }

    /// <summary>Starts <paramref name="dll"/> with <paramref name="args"/>; <paramref name="environment"/> applies to the child only.</summary>
    public static SignalledChild Start(string dll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        // A process started in the background of a non-interactive shell ignores SIGINT, and so does every child it
        // starts, whatever it registers (that is how a shell keeps Ctrl+C from background jobs): env restores the
        // default, so the test does not depend on how the test host itself was started. env execs, keeping the pid.
        var psi = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["--default-signal=INT,TERM", host, Path.Combine(AppContext.BaseDirectory, dll), .. args])
            psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        var process = new Process { StartInfo = psi };
        var child = new SignalledChild(process);
        process.ErrorDataReceived += (_, e) => child.Take(e.Data, child._stderr);
        process.OutputDataReceived += (_, e) => child.Take(e.Data, child._stdout);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return child;
    }

    private void Take(string? line, List<string> into)
    {
        if (line is null) return;
        lock (into) into.Add(line);
        _lines.Writer.TryWrite(line);
    }

    /// <summary>Waits for a line (on either stream) that <paramref name="match"/> accepts; fails if the child ends first or time runs out.</summary>
    public async Task<string> WaitForLine(Func<string, bool> match, TimeSpan limit, string what)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                if (match(line)) return line;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException(
                $"no {what} within {limit.TotalSeconds} s (exited: {_process.HasExited})\nstderr:\n{string.Join('\n', Stderr)}");
        }
    }

    public void Signal(int signal)
    {
        _sinceSignal.Restart();
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The exit code and the time from the last signal to the exit; null code if it did not exit within the limit.</summary>
    public async Task<(int? Code, TimeSpan AfterSignal)> WaitForExit(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { return (null, _sinceSignal.Elapsed); }
        var elapsed = _sinceSignal.Elapsed;
        _process.WaitForExit(); // drains the redirected streams
        return (_process.ExitCode, elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
