using System.Diagnostics;

namespace PartnerSim.Tests.Inputs;

/// <summary>
/// Runs the partnersim CLI as a child process, killed at a time limit, so that a hang or a runaway heap cannot
/// take the test host with it. Environment variables given apply to the child only.
/// </summary>
internal static class ChildCli
{
    /// <summary>256 MiB: far above what any input check needs, far below what an expanded alias bomb takes.</summary>
    public static readonly Dictionary<string, string> SmallHeap = new() { ["DOTNET_GCHeapHardLimit"] = "0x10000000" };

    public sealed record Result(int? Code, string Out, string Err, TimeSpan Elapsed)
    {
        /// <summary>False if the child was killed at the time limit.</summary>
        public bool Finished => Code is not null;
        public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public override string ToString() => $"exit {Code?.ToString() ?? "none (killed)"} after {Elapsed.TotalSeconds:F1} s\nstdout: {Out}\nstderr: {Err}";
    }

    public static Result Run(TimeSpan limit, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "partnersim.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new Result(null, output.Result, err.Result, clock.Elapsed);
        }
        p.WaitForExit(); // drains the redirected streams
        return new Result(p.ExitCode, output.Result, err.Result, clock.Elapsed);
    }
}
