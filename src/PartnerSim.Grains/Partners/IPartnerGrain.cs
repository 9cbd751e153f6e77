using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Grains.Partners;

/// <summary>
/// One partner of one run: key = (partner id, run key). It holds its own <see cref="PartnerState"/> and
/// applies the rule book to it one quarter at a time.
/// </summary>
public interface IPartnerGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Draws this partner from the run's population generator.</summary>
    Task Create();

    /// <summary>Takes a state given from outside (a roster row).</summary>
    Task Load(PartnerState state);

    /// <summary>
    /// Applies one quarter. A value task: the step completes synchronously when nothing is written, and then
    /// neither side allocates a task per partner-quarter.
    /// </summary>
    ValueTask<PartnerOutcome> Step(int quarter);

    /// <summary>The canonical bytes of the current state (what the digest hashes).</summary>
    Task<byte[]> StateBytes();
}
