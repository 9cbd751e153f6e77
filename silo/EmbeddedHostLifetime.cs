using Microsoft.Extensions.Hosting;

namespace PartnerSim.Silo;

/// <summary>
/// The lifetime of a host embedded in a command (the CLI's silo or cluster client, a test's silo): the command starts and
/// stops it, and Ctrl+C and SIGTERM are the command's to handle. The default console lifetime would take both signals
/// for the host (marking them handled and stopping nothing the command waits on), so a run went on to the end.
/// </summary>
public sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
