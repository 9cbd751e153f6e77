using PartnerSim.Model.Figures;

namespace PartnerSim.Model.Engine;

/// <summary>What a run hands to reporting: one reduction per quarter, the final-state digest, and where the time went.</summary>
public sealed record RunResult(int Partners, IReadOnlyList<QuarterStats> PerQuarter, string Digest, RunTimings Timings);

/// <summary>Wall time of a run's phases in seconds (reported only; never part of a result).</summary>
public sealed record RunTimings(double CreateSeconds, double StepSeconds, double DigestSeconds);
