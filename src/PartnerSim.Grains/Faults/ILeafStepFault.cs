namespace PartnerSim.Grains.Faults;

/// <summary>
/// A point where a failure drill or a test can make a silo fail half-way through a quarter: called by every leaf
/// cohort once it has stepped its partners (their states are written) and before it answers. The silo registers a real
/// one only when asked to (see the silo's <c>KillAtLeafStep</c>); otherwise <see cref="NoLeafStepFault"/> does nothing.
/// </summary>
public interface ILeafStepFault
{
    void Stepped(int quarter);
}

public sealed class NoLeafStepFault : ILeafStepFault
{
    public void Stepped(int quarter) { }
}
