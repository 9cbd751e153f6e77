namespace PartnerSim.Model.Engine;

/// <summary>What a run hands to reporting: one reduction per quarter and the final-state digest.</summary>
public sealed record RunResult(int Partners, IReadOnlyList<QuarterStats> PerQuarter, string Digest);
