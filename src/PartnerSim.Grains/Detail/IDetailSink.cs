using PartnerSim.Model.Engine;

namespace PartnerSim.Grains.Detail;

/// <summary>
/// Where leaf cohorts send their partners' outcomes for the partner-quarter detail file: an observer on the process
/// that writes the file. Rows travel in one batch per leaf and quarter; no state is pulled at the end.
/// </summary>
public interface IDetailSink : IGrainObserver
{
    /// <param name="cancel">The leaf's own: a cancelled run's leaf stops waiting at once. The writing process deletes the
    /// observer when the run is cancelled, and a call to it then went unanswered until the 30 s response timeout, holding
    /// up the silo's graceful stop.</param>
    Task Record(int quarter, DetailBatch batch, CancellationToken cancel);
}

/// <summary>One leaf's recorded partners in one quarter: positions (ascending), ids and outcomes.</summary>
[GenerateSerializer]
public sealed class DetailBatch
{
    [Id(0)] public int[] Positions { get; init; } = [];
    [Id(1)] public long[] Ids { get; init; } = [];
    [Id(2)] public PartnerOutcome[] Outcomes { get; init; } = [];
}
