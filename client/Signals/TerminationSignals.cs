using System.Runtime.InteropServices;

namespace PartnerSim.Cli.Signals;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM while a command runs: the first cancels <see cref="Token"/> and is remembered, for the
/// exit code; the command then stops where it is and removes what it had begun to write. A second signal exits at once
/// (with the first one's code), not waiting for the command; the output directory being written is still removed on
/// the way out (see <c>OutputDirectory</c>).
/// </summary>
/// <remarks>
/// System.CommandLine 2.0 cancels its token only when <c>ProcessTerminationTimeout</c> is set, and then it also ends the
/// invocation itself after that timeout, whether or not the command has cleaned up. Here the command is given the
/// time it needs to stop: everything it runs observes the token within a fraction of a second.
/// </remarks>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _interrupt, _terminate;
    private int _first; // 0 until a signal came, then its exit code

    public TerminationSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM; null while no signal came.</summary>
    public int? ExitCode => Volatile.Read(ref _first) is var code and > 0 ? code : null;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // not the runtime's default (ending the process there and then)
        int code = context.Signal == PosixSignal.SIGINT ? ExitCodes.Interrupted : ExitCodes.Terminated;
        int first = Interlocked.CompareExchange(ref _first, code, 0);
        if (first != 0)
        {
            Console.Error.WriteLine("cancelled again: exiting now");
            Environment.Exit(first);
        }
        // Asynchronously: the token's callbacks (Orleans cancelling calls in flight, among others) must not hold up or
        // throw on the thread that delivers signals.
        _ = _cancel.CancelAsync();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancel.Dispose();
    }
}
