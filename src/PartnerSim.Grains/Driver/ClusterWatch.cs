namespace PartnerSim.Grains.Driver;

/// <summary>
/// Watches the cluster's active silos from the driver (polling the management grain) and tells when one of them is
/// gone. A client's call into a grain of a silo that was killed may never be answered (the gateway that forwarded it
/// does not answer for it), so the driver gives up on every call in flight when a silo is lost, and asks again.
/// </summary>
public sealed class ClusterWatch : IAsyncDisposable
{
    private readonly IManagementGrain _management;
    private readonly TimeSpan _every;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource<string> _nextLoss = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<SiloAddress> _active = [];
    private Task? _polling;

    public ClusterWatch(IGrainFactory grains, TimeSpan every)
    {
        _management = grains.GetGrain<IManagementGrain>(0);
        _every = every;
    }

    /// <summary>Completes (with the lost silo's address) the next time an active silo leaves the active set.</summary>
    public Task<string> NextLoss => Volatile.Read(ref _nextLoss).Task;

    /// <summary>Takes the first view of the cluster, then polls in the background.</summary>
    public async Task StartAsync()
    {
        _active = await ActiveSilos() ?? [];
        _polling = Task.Run(Poll);
    }

    private async Task Poll()
    {
        while (!_stop.IsCancellationRequested)
        {
            try { await Task.Delay(_every, _stop.Token); }
            catch (OperationCanceledException) { return; }
            if (await ActiveSilos() is not { } now) continue; // no answer this time: the cluster is busy or changing
            var lost = _active.Where(s => !now.Contains(s)).ToList();
            _active = now;
            if (lost.Count == 0) continue;
            var signalled = Interlocked.Exchange(ref _nextLoss, new(TaskCreationOptions.RunContinuationsAsynchronously));
            signalled.TrySetResult(string.Join(", ", lost));
        }
    }

    private async Task<HashSet<SiloAddress>?> ActiveSilos()
    {
        try
        {
            var hosts = await _management.GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10), _stop.Token);
            return [.. hosts.Keys];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_polling is not null) await _polling;
        _stop.Dispose();
    }
}
