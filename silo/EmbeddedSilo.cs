using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using PartnerSim.Grains;

namespace PartnerSim.Silo;

/// <summary>The default host: one in-process silo with in-memory storage, on loopback.</summary>
public static class EmbeddedSilo
{
    public static IHost Build(int siloPort = 0, int gatewayPort = 0)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: siloPort == 0 ? FreePort() : siloPort,
                gatewayPort: gatewayPort == 0 ? FreePort() : gatewayPort);
            silo.AddLocalMemoryPartnerStorage();
            silo.AddPartnerSim();
            // Partners are touched once a quarter; never let a slow quarter collect them mid-run.
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        });
        return builder.Build();
    }

    /// <summary>A free loopback port, so parallel runs and tests never collide on Orleans' defaults.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
