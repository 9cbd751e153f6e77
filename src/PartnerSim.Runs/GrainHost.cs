using Microsoft.Extensions.Hosting;
using PartnerSim.Silo;

namespace PartnerSim.Runs;

/// <summary>Where the grains run: an embedded in-memory silo, an embedded PostgreSQL-backed silo, or a cluster.</summary>
public sealed record GrainHost(Func<IHost> Build, bool Durable)
{
    public static GrainHost For(string? postgres, string? connect, string clusterId) =>
        postgres is not null
            ? new GrainHost(() => ClusterSilo.Build(new SiloHostOptions { Postgres = postgres, ClusterId = clusterId, ServiceId = clusterId }), true)
            : connect is not null
                ? new GrainHost(() => ClusterClient.BuildClient(connect, clusterId), true)
                : new GrainHost(() => EmbeddedSilo.Build(), false);
}
