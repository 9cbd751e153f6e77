using Microsoft.Extensions.Hosting;

// Minimal stand-alone silo (localhost clustering, in-memory storage).
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering();
    silo.AddMemoryGrainStorage("partners");
});
using var host = builder.Build();
await host.RunAsync();
