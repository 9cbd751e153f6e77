using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerSim.Silo;

namespace PartnerSim.Runs;

/// <summary>Where the grains run: an embedded in-memory silo, an embedded PostgreSQL-backed silo, or a cluster.</summary>
/// <param name="Database">The PostgreSQL connection string of a durable host; null in memory.</param>
public sealed record GrainHost(Func<IHost> Build, bool Durable, string? Database = null)
{
    public static GrainHost For(string? postgres, string? connect, string clusterId) =>
        postgres is not null
            ? new GrainHost(() => ClusterSilo.Build(new SiloHostOptions { Postgres = postgres, ClusterId = clusterId, ServiceId = clusterId }), true, postgres)
            : connect is not null
                ? new GrainHost(() => ClusterClient.BuildClient(connect, clusterId), true, connect)
                : new GrainHost(() => EmbeddedSilo.Build(), false);

    /// <summary>
    /// Starts the host, hands its grain factory to <paramref name="work"/>, and stops it. The in-memory silo's state dies
    /// with the process anyway, and partners save nothing on deactivation, so it need not deactivate a million grains one
    /// by one: a quarter second, then the stop is cut short. A PostgreSQL silo leaves the cluster gracefully (its
    /// membership row says so), unless the work failed: then the database may be gone, and a silo's stop waits on it
    /// (minutes, whatever its token says), so the stop is given <see cref="FailedStopWait"/> and then left to the
    /// process's exit. A cancelled host is abandoned (<see cref="CancelledHost"/>).
    /// </summary>
    public async Task<T> UseAsync<T>(Func<IGrainFactory, Task<T>> work, CancellationToken cancel = default)
    {
        var host = Build();
        bool done = false;
        try
        {
            await host.StartAsync(cancel);
            var result = await work(host.Services.GetRequiredService<IGrainFactory>());
            done = true;
            return result;
        }
        finally
        {
            if (cancel.IsCancellationRequested) await CancelledHost.Abandon(host, Durable ? CancelledStopGrace : InMemoryStopGrace);
            else if (!Durable || done)
            {
                using var grace = new CancellationTokenSource(Durable ? Timeout.InfiniteTimeSpan : InMemoryStopGrace);
                await host.StopAsync(grace.Token);
                host.Dispose();
            }
            else
            {
                var stopping = host.StopAsync(new CancellationToken(canceled: true));
                if (await Task.WhenAny(stopping, Task.Delay(FailedStopWait)) == stopping) host.Dispose();
            }
        }
    }

    public static readonly TimeSpan FailedStopWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a cancelled run on a PostgreSQL silo waits for it to leave the cluster gracefully. The silo first lets the
    /// calls in flight end (a leaf's partners writing their checkpoints): 0.8–2.9 s from the signal to the exit, a run
    /// cancelled mid-quarter on two cores under a load of 20. Cut short, the silo stays Active in the membership table,
    /// and the next silo started on the database spent a minute declaring it dead; a few seconds more now are the better
    /// bargain (a second Ctrl+C still exits at once).
    /// </summary>
    private static readonly TimeSpan CancelledStopGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long an in-memory silo is given to stop before the stop is cut short.</summary>
    private static readonly TimeSpan InMemoryStopGrace = TimeSpan.FromSeconds(0.25);
}
