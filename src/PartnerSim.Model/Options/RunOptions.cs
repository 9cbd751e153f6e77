namespace PartnerSim.Model.Options;

/// <summary>What to run: time line, seed, and the scenario's identity (rule book §1).</summary>
public sealed record RunOptions
{
    public string Name { get; init; } = "unnamed";
    public string Description { get; init; } = "";

    [Param(Provenance.Asm, "seed of the counter-based random generator")]
    public ulong Seed { get; init; } = 1;

    [Param(Provenance.Pub, "first simulated fiscal quarter (pre-qualification opened Aug 2025)")]
    public string Start { get; init; } = "FY26Q1";

    [Param(Provenance.Pub, "Cisco 360 launch quarter (25 Jan 2026)")]
    public string Launch { get; init; } = "FY26Q3";

    [Param(Provenance.Asm, "number of quarters simulated")]
    public int Quarters { get; init; } = 12;

    /// <summary>
    /// False runs the legacy programme only: no launch happens inside the run, so every quarter pays
    /// legacy rebates (the <c>legacy-only</c> counterfactual pot).
    /// </summary>
    [Param(Provenance.Asm, "whether Cisco 360 launches at all (false: legacy-only counterfactual)")]
    public bool Cisco360 { get; init; } = true;
}
