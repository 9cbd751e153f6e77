using PartnerSim.Model.Time;

namespace PartnerSim.Runs;

/// <summary>What a run has just begun: starting Orleans, creating its partners, stepping a quarter, or hashing the final states.</summary>
/// <param name="QuartersDone">Quarters stepped so far; while stepping, the quarter being stepped is the next one.</param>
/// <param name="Quarter">While stepping: the fiscal quarter being stepped.</param>
public sealed record RunPhase(RunPhase.Kind Is, int QuartersDone, int Quarters, FiscalQuarter? Quarter = null)
{
    public enum Kind { Starting, Creating, Stepping, Digesting }

    /// <summary>As a progress bar labels it: "creating partners", "quarter FY26Q3", "digest".</summary>
    public override string ToString() => Is switch
    {
        Kind.Starting => "starting Orleans",
        Kind.Creating => "creating partners",
        Kind.Stepping => $"quarter {Quarter}",
        _ => "digest",
    };
}
