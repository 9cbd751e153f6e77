namespace PartnerSim.Grains.Driver;

/// <summary>
/// The run's durable storage stopped answering: the run cannot go on without losing what it would write, so it stops.
/// The message is one line naming the last durable quarter, from which the run can be resumed.
/// </summary>
public sealed class StorageLostException(string message, int lastDurableQuarter, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The run quarter index recorded last; −1 when no quarter was.</summary>
    public int LastDurableQuarter { get; } = lastDurableQuarter;
}
