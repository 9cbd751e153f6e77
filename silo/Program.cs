using Microsoft.Extensions.Hosting;
using PartnerSim.Grains;

// Stand-alone silo: localhost clustering and in-memory storage (a PostgreSQL cluster is configured in
// SiloHosting once AdoNet clustering lands).
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering();
    silo.AddMemoryGrainStorage(GrainStorage.Partners);
    silo.AddPartnerSim();
});
using var host = builder.Build();
await host.RunAsync();
