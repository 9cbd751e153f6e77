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
    /// process's exit.
    /// </summary>
    public async Task<T> UseAsync<T>(Func<IGrainFactory, Task<T>> work)
    {
        var host = Build();
        await host.StartAsync();
        bool done = false;
        try
        {
            var result = await work(host.Services.GetRequiredService<IGrainFactory>());
            done = true;
            return result;
        }
        finally
        {
            if (!Durable || done)
            {
                using var grace = new CancellationTokenSource(Durable ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(0.25));
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
}
