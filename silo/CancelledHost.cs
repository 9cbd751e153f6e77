using Microsoft.Extensions.Hosting;

namespace PartnerSim.Silo;

/// <summary>
/// Stopping the host of a cancelled command without waiting for it: cut short or not, a silo's stop still deactivates
/// every grain, which took 13 s at 100k partners caught in the middle of their creation.
/// </summary>
public static class CancelledHost
{
    /// <summary>
    /// Begins the stop and waits at most <paramref name="grace"/> for it (time enough for a PostgreSQL silo to leave
    /// the cluster gracefully when it is idle); past that the stop goes on in the background, or ends with the process.
    /// The host is disposed once stopped.
    /// </summary>
    public static async Task Abandon(IHost host, TimeSpan grace)
    {
        var cutShort = new CancellationTokenSource(grace);
        // On a thread of its own: a stop may run for long before it first yields.
        var stopping = Task.Run(() => host.StopAsync(cutShort.Token));
        _ = stopping.ContinueWith(_ =>
        {
            cutShort.Dispose();
            host.Dispose();
        }, TaskScheduler.Default);
        await Task.WhenAny(stopping, Task.Delay(grace));
    }
}
