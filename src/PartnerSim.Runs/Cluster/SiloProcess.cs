namespace PartnerSim.Runs.Cluster;

/// <summary>
/// A stand-alone silo of a PostgreSQL-backed cluster (<c>PartnerSim.Silo.dll --postgres … --cluster-id …</c>) as a
/// child process, returned once it says it is up.
/// </summary>
public static class SiloProcess
{
    public const string Assembly = "PartnerSim.Silo.dll";

    /// <param name="environment">Variables for this silo only (e.g. a fault to inject).</param>
    public static async Task<ChildProcess> StartAsync(string postgres, string clusterId,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? limit = null)
    {
        var silo = ChildProcess.Start(Assembly, ["--postgres", postgres, "--cluster-id", clusterId], environment);
        try
        {
            await silo.WaitForLineAsync(line => line.StartsWith("silo ", StringComparison.Ordinal) && line.Contains(" up in cluster ", StringComparison.Ordinal),
                limit ?? TimeSpan.FromSeconds(120));
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }
}
