using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerSim.Silo.Faults;
using PartnerSim.Silo.Postgres;

namespace PartnerSim.Silo;

/// <summary>
/// The stand-alone silo (silo/Program.cs): <c>[--postgres CONN] [--silo-port N] [--gateway-port N]
/// [--cluster-id X] [--service-id X] [--advertise IP] [--dashboard PORT]</c>. Bad arguments or an unreachable database print one
/// line to stderr and return 2.
/// </summary>
public static class SiloCommand
{
    public const string Usage =
        "usage: silo [--postgres \"Host=..;Port=..;Username=..;Password=..;Database=..\"] [--silo-port N] [--gateway-port N] " +
        "[--cluster-id X] [--service-id X] [--advertise IP] [--dashboard PORT]";

    // Without --postgres the silo is found by localhost clustering at Orleans' default ports.
    private const int LocalSiloPort = 11111, LocalGatewayPort = 30000;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop = default)
    {
        SiloHostOptions options;
        try { options = Parse(args); }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        catch (DatabaseUnavailableException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (HelpRequested)
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        using var host = ClusterSilo.Build(options);
        try
        {
            await host.StartAsync(stop);
        }
        catch (DatabaseUnavailableException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 130;
        }

        var silo = host.Services.GetService(typeof(Orleans.Runtime.ILocalSiloDetails)) as Orleans.Runtime.ILocalSiloDetails;
        string where = options.Postgres is null ? "localhost clustering, in-memory storage"
            : $"PostgreSQL {PostgresSchema.Describe(options.Postgres)}";
        await stdout.WriteLineAsync(
            $"silo {silo?.SiloAddress} (gateway {silo?.GatewayAddress}) up in cluster '{options.ClusterId}', {where}; Ctrl+C stops it");
        if (host is Microsoft.AspNetCore.Builder.WebApplication web)
            await stdout.WriteLineAsync($"dashboard: {string.Join(", ", web.Urls)}");
        await host.WaitForShutdownAsync(stop); // Ctrl+C, SIGTERM or stop; stops the silo gracefully
        return 0;
    }

    private sealed class HelpRequested : Exception;

    public static SiloHostOptions Parse(string[] args)
    {
        string? postgres = null, clusterId = null, serviceId = null;
        int? siloPort = null, gatewayPort = null, dashboard = null;
        IPAddress? advertise = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Port()
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65535
                    ? p : throw new ArgumentException($"{arg}: '{text}' is not a port (0-65535, 0 = any free port)");
            }
            switch (arg)
            {
                case "--postgres": postgres = Value(); break;
                case "--silo-port": siloPort = Port(); break;
                case "--gateway-port": gatewayPort = Port(); break;
                case "--dashboard": dashboard = Port(); break;
                case "--cluster-id": clusterId = NonEmpty(arg, Value()); break;
                case "--service-id": serviceId = NonEmpty(arg, Value()); break;
                case "--advertise":
                    var text = Value();
                    advertise = IPAddress.TryParse(text, out var ip) ? ip : throw new ArgumentException($"--advertise: '{text}' is not an IP address");
                    break;
                case "-h" or "--help" or "-?": throw new HelpRequested();
                default: throw new ArgumentException($"unknown argument '{arg}'");
            }
        }
        if (postgres is not null) PostgresSchema.Describe(postgres); // an unparsable connection string fails here
        var fault = KillAtLeafStep.FromEnvironment(); // a malformed setting fails here, as a bad argument
        bool local = postgres is null;
        var options = new SiloHostOptions
        {
            Postgres = postgres,
            SiloPort = siloPort ?? (local ? LocalSiloPort : 0),
            GatewayPort = gatewayPort ?? (local ? LocalGatewayPort : 0),
            ClusterId = clusterId ?? ClusterSilo.DefaultClusterId,
            ServiceId = serviceId ?? clusterId ?? ClusterSilo.DefaultClusterId,
            ConsoleLogLevel = LogLevel.Warning,
            DashboardPort = dashboard,
            OwnsProcess = true,
            LeafStepFault = fault,
        };
        return advertise is null ? options : options with { AdvertisedAddress = advertise };
    }

    private static string NonEmpty(string arg, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{arg} must not be empty") : value;
}
