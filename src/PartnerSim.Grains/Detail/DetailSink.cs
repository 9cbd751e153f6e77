using PartnerSim.Model.Engine;

namespace PartnerSim.Grains.Detail;

/// <summary>The writing process's end of <see cref="IDetailSink"/>: hands each batch to the detail file.</summary>
public sealed class DetailSink(IOutcomeObserver observer) : IDetailSink
{
    public Task Record(int quarter, DetailBatch batch, CancellationToken cancel)
    {
        for (int i = 0; i < batch.Positions.Length; i++) observer.Record(quarter, batch.Positions[i], batch.Ids[i], batch.Outcomes[i]);
        return Task.CompletedTask;
    }
}
