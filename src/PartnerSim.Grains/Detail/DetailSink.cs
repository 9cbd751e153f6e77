using PartnerSim.Model.Engine;

namespace PartnerSim.Grains.Detail;

/// <summary>
/// The writing process's end of <see cref="IDetailSink"/>: hands each batch of the quarter under way to the detail file.
/// A batch sent again (a retried subtree) overwrites the same rows with the same outcomes; a batch of any other quarter
/// (a call the driver gave up on, answering late) is dropped, so it cannot land in the next quarter's rows.
/// </summary>
public sealed class DetailSink(IOutcomeObserver observer) : IDetailSink
{
    private volatile int _open = -1;

    /// <summary>The quarter whose batches are taken; the driver sets it before asking for the quarter.</summary>
    public int Open { get => _open; set => _open = value; }

    public Task Record(int quarter, DetailBatch batch, CancellationToken cancel)
    {
        if (quarter != _open) return Task.CompletedTask;
        for (int i = 0; i < batch.Positions.Length; i++) observer.Record(quarter, batch.Positions[i], batch.Ids[i], batch.Outcomes[i]);
        return Task.CompletedTask;
    }
}
