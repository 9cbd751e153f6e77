using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Grains.Partners;

/// <summary>
/// What a partner grain persists: its state, and the outcome of the last quarter it applied (the quarter is the
/// state's <see cref="PartnerState.LastQuarter"/>). The outcome is the replay record that makes a repeated request for
/// that quarter answer without stepping again; it is kept beside the state, not in it, so the digest (the canonical
/// bytes of the state alone) is what it always was.
/// </summary>
[GenerateSerializer]
public sealed class PartnerRecord
{
    /// <summary>Null until the partner is created or loaded.</summary>
    [Id(0)] public PartnerState? State { get; set; }

    /// <summary>The outcome of quarter <c>State.LastQuarter</c>; meaningless before the first quarter.</summary>
    [Id(1)] public PartnerOutcome LastOutcome { get; set; }
}
