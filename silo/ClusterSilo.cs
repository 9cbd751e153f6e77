using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;
using PartnerSim.Grains;
using PartnerSim.Grains.Faults;
using PartnerSim.Silo.Faults;
using PartnerSim.Silo.Postgres;

namespace PartnerSim.Silo;

/// <summary>How to host a silo: PostgreSQL-backed (a cluster member) or, without a connection string, local.</summary>
public sealed record SiloHostOptions
{
    /// <summary>Npgsql connection string. Null: localhost clustering and in-memory storage (a single silo).</summary>
    public string? Postgres { get; init; }

    public string ClusterId { get; init; } = ClusterSilo.DefaultClusterId;
    public string ServiceId { get; init; } = ClusterSilo.DefaultClusterId;

    /// <summary>Silo-to-silo port; 0 = a free port.</summary>
    public int SiloPort { get; init; }

    /// <summary>Client gateway port; 0 = a free port.</summary>
    public int GatewayPort { get; init; }

    /// <summary>The address other silos and clients use to reach this one (PostgreSQL clustering only).</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Console logging from this level; null = no logging (like <see cref="EmbeddedSilo"/>).</summary>
    public LogLevel? ConsoleLogLevel { get; init; }

    /// <summary>Serve the Orleans Dashboard on this loopback port (0 = a free port); null = no dashboard.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>
    /// The host is the process (the stand-alone silo): Ctrl+C and SIGTERM stop it gracefully. Otherwise it is embedded
    /// in a command, which handles those signals itself (<see cref="EmbeddedHostLifetime"/>).
    /// </summary>
    public bool OwnsProcess { get; init; }
    /// <summary>A failure to inject (drills and tests); null: the one <see cref="KillAtLeafStep.Variable"/> asks for, if any.</summary>
    public ILeafStepFault? LeafStepFault { get; init; }
}

/// <summary>
/// A silo of a PostgreSQL-backed cluster: AdoNet clustering and partner storage (Orleans' binary serializer) in one
/// database. Several processes (or hosts in one process) on the same database and cluster id
/// form one cluster; a single one is the embedded variant whose state survives a restart. The Orleans schema is
/// created on start, before Orleans starts; an unreachable database makes <c>StartAsync</c> throw a
/// <see cref="DatabaseUnavailableException"/>.
/// </summary>
public static class ClusterSilo
{
    public const string DefaultClusterId = "partnersim";
    public const string Invariant = "Npgsql";

    public static IHost Build(SiloHostOptions o)
    {
        // The dashboard needs a web host; without it a plain generic host will do.
        IHostApplicationBuilder builder = o.DashboardPort is null ? Host.CreateApplicationBuilder() : WebApplication.CreateBuilder();
        if (!o.OwnsProcess) builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Logging.ClearProviders();
        if (o.ConsoleLogLevel is { } level)
        {
            builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
            builder.Logging.SetMinimumLevel(level);
        }
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        // A lost database fails every partner's write, and the provider logs each with its stack trace: thousands a
        // second kept a silo busy logging (a run of 100,000 partners took 42 s to stop). The client reports the loss.
        builder.Logging.AddFilter("Orleans.Storage", LogLevel.Critical);
        // A failed start (e.g. DatabaseUnavailableException) is thrown by StartAsync: no logged stack trace too.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        int siloPort = o.SiloPort == 0 ? EmbeddedSilo.FreePort() : o.SiloPort;
        int gatewayPort = o.GatewayPort == 0 ? EmbeddedSilo.FreePort() : o.GatewayPort;

        // Registered before UseOrleans, so it runs (and may fail) before the silo starts.
        if (o.Postgres is { } connection)
            builder.Services.AddHostedService(_ => new PostgresSchemaService(connection));

        builder.UseOrleans(silo =>
        {
            if (o.Postgres is { } given)
            {
                var cs = ProviderConnectionString(given);
                silo.Configure<ClusterOptions>(c => { c.ClusterId = o.ClusterId; c.ServiceId = o.ServiceId; });
                silo.ConfigureEndpoints(o.AdvertisedAddress, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(o.AdvertisedAddress));
                silo.UseAdoNetClustering(a => { a.Invariant = Invariant; a.ConnectionString = cs; });
                silo.AddAdoNetGrainStorage(GrainStorage.Partners, options => options.Configure<IServiceProvider>((a, sp) =>
                {
                    a.Invariant = Invariant;
                    a.ConnectionString = cs;
                    // Partner state as Orleans' binary serialization, not the provider's default JSON.
                    a.GrainStorageSerializer = sp.GetRequiredKeyedService<IGrainStorageSerializer>(GrainStorage.Partners);
                }));
                // A joining silo waits for every active silo to answer, except those whose heartbeat in the table is
                // stale. Orleans' 30 s heartbeat made a silo started after a killed one (a resumed run's) wait about 100 s
                // for the dead entry to go stale; at 2 s it waits about 15 s.
                silo.Configure<ClusterMembershipOptions>(m => m.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2));
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: o.ServiceId, clusterId: o.ClusterId);
                silo.AddMemoryGrainStorage(GrainStorage.Partners);
            }
            if ((o.LeafStepFault ?? KillAtLeafStep.FromEnvironment()) is { } fault) silo.Services.AddSingleton(fault);
            silo.AddPartnerSim();
            // Partners are touched once a quarter; never let a slow quarter collect them mid-run.
            silo.Configure<GrainCollectionOptions>(c => c.CollectionAge = TimeSpan.FromHours(2));
            if (o.DashboardPort is not null) silo.AddDashboard();
        });
        if (builder is not WebApplicationBuilder web) return ((HostApplicationBuilder)builder).Build();
        var app = web.Build();
        app.Urls.Add($"http://127.0.0.1:{(o.DashboardPort == 0 ? EmbeddedSilo.FreePort() : o.DashboardPort)}");
        app.MapOrleansDashboard();
        return app;
    }

    /// <summary>
    /// The connection string the Orleans providers use: the given one, with two defaults where it sets none.
    /// <c>Maximum Pool Size=32</c>: Npgsql's 100 per silo would exhaust PostgreSQL's default 100 connections with
    /// two silos. <c>Timeout=300</c>: a quarter of many partners queues far more writes than the pool has
    /// connections, and the connect timeout (default 15 s) also bounds the wait for a pooled connection.
    /// </summary>
    public static string ProviderConnectionString(string connectionString)
    {
        // Npgsql's builder reports every known key as present: look at the keys actually given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Has(params string[] keys) => keys.Any(given.ContainsKey);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Has("Maximum Pool Size", "Max Pool Size", "MaxPoolSize")) b.MaxPoolSize = 32;
        if (!Has("Timeout", "Connection Timeout", "ConnectionTimeout", "Connect Timeout")) b.Timeout = 300;
        return b.ConnectionString;
    }

    /// <summary>Creates the schema when the host starts.</summary>
    private sealed class PostgresSchemaService(string connectionString) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => PostgresSchema.EnsureAsync(connectionString, cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
