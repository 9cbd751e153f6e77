using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using PartnerSim.Silo.Postgres;

namespace PartnerSim.Silo;

/// <summary>An Orleans client of a running PostgreSQL-backed cluster (see <see cref="ClusterSilo"/>).</summary>
public static class ClusterClient
{
    /// <summary>
    /// A host whose <see cref="IClusterClient"/> (and <see cref="IGrainFactory"/>) reaches the cluster's gateways,
    /// found in the membership table. <c>StartAsync</c> checks the database first: unreachable, it throws a
    /// one-line <see cref="DatabaseUnavailableException"/>.
    /// </summary>
    public static IHost BuildClient(string connectionString, string clusterId = ClusterSilo.DefaultClusterId,
        string? serviceId = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        // Before UseOrleansClient, so it runs before the client connects (and creates the schema if no silo has).
        builder.Services.AddHostedService(_ => new SchemaCheck(connectionString));
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(c => { c.ClusterId = clusterId; c.ServiceId = serviceId ?? clusterId; });
            client.UseAdoNetClustering(a => { a.Invariant = ClusterSilo.Invariant; a.ConnectionString = connectionString; });
            // Quarters of a million partners take longer than Orleans' default 30 s response timeout.
            client.Configure<ClientMessagingOptions>(m => m.ResponseTimeout = TimeSpan.FromMinutes(30));
        });
        return builder.Build();
    }

    private sealed class SchemaCheck(string connectionString) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => PostgresSchema.EnsureAsync(connectionString, cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
