namespace PartnerSim.Model.Engine;

/// <summary>
/// Sees partners' outcomes as an engine produces them, for records kept outside the quarter's figures (the
/// partner-quarter detail file). Both engines call it the same way, so the record does not depend on the engine.
/// </summary>
public interface IOutcomeObserver
{
    /// <summary>Whether the partner at this position (0 … N − 1, ascending id) is recorded at all.</summary>
    bool Records(int position);

    /// <summary>
    /// One partner's quarter. Called for every recorded partner once a quarter, from several threads at once (each
    /// position from one), before <see cref="QuarterDone"/> for that quarter.
    /// </summary>
    void Record(int quarter, int position, long partnerId, in PartnerOutcome outcome);

    /// <summary>Every recorded partner of the quarter has been recorded; called once a quarter, in order.</summary>
    void QuarterDone(int quarter);
}
