using PartnerSim.Silo;

namespace PartnerSim.Tests.Integration;

/// <summary>The stand-alone silo's <c>--dashboard PORT</c>: the Orleans Dashboard answers on loopback.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task Silo_WithDashboardPort_ServesTheOrleansDashboard()
    {
        int port = EmbeddedSilo.FreePort();
        using var host = ClusterSilo.Build(new SiloHostOptions { DashboardPort = port, ClusterId = "dashboard-test" });
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var response = await http.GetAsync($"http://127.0.0.1:{port}/");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<title>Orleans Dashboard</title>", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void SiloArguments_Dashboard_IsParsed()
    {
        Assert.Equal(8080, SiloCommand.Parse(["--dashboard", "8080"]).DashboardPort);
        Assert.Null(SiloCommand.Parse([]).DashboardPort);
        Assert.Throws<ArgumentException>(() => SiloCommand.Parse(["--dashboard", "http"]));
    }
}
