namespace PartnerSim.Grains.Faults;

/// <summary>
/// A grain could not write its state. It carries the storage's reason as text: the provider's own exceptions
/// (Npgsql's) have no Orleans codec, and would reach the caller as a codec failure instead of the reason.
/// </summary>
[GenerateSerializer]
public sealed class StateWriteException : Exception
{
    public StateWriteException(string message, Exception? inner = null) : base(message, inner) { }
}
