namespace PartnerSim.Runs;

/// <summary>Which engine steps the partners: Orleans grains (the platform), or a plain parallel loop (same digest).</summary>
public enum EngineKind { Grains, Inproc }
