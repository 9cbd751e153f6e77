namespace PartnerSim.Grains.Driver;

/// <summary>
/// Which failures of a subtree are worth retrying: those of the cluster (a silo gone, a message rejected or timed
/// out, storage refusing a write) and not those of the program, which would fail again the same way.
/// </summary>
public static class FailureKinds
{
    public static bool IsRecoverable(Exception e) => e switch
    {
        ArgumentException or InvalidCastException or NullReferenceException or IndexOutOfRangeException
            or KeyNotFoundException or InvalidDataException or NotSupportedException or NotImplementedException => false,
        // The program's own refusals (a partner asked for a quarter out of order, a run never defined).
        InvalidOperationException when e.GetType() == typeof(InvalidOperationException) => false,
        _ => true,
    };
}
