namespace PartnerSim.Model.Options;

/// <summary>What to run: time line, seed, and the scenario's identity (rule book §1).</summary>
public sealed record RunOptions
{
    public string Name { get; init; } = "unnamed";
    public string Description { get; init; } = "";

    /// <summary>Most quarters a run may simulate (a century).</summary>
    public const int MaxQuarters = 400;

    /// <summary>The largest work limit that can be set: the most partners for the most quarters.</summary>
    public const long PartnerQuartersCeiling = (long)PopulationOptions.MaxPartners * MaxQuarters;

    [Param(Provenance.Asm, "seed of the counter-based random generator")]
    [Range(0, ulong.MaxValue)]
    public ulong Seed { get; init; } = 1;

    [Param(Provenance.Pub, "first simulated fiscal quarter (pre-qualification opened Aug 2025)")]
    public string Start { get; init; } = "FY26Q1";

    [Param(Provenance.Pub, "Cisco 360 launch quarter (25 Jan 2026)")]
    public string Launch { get; init; } = "FY26Q3";

    [Param(Provenance.Asm, "number of quarters simulated")]
    [Range(1, MaxQuarters)]
    public int Quarters { get; init; } = 12;

    /// <summary>
    /// The work a run may take on, partners × quarters: 10⁹ is about an hour on the grain engine at the
    /// ~300k partner-quarters/s measured (docs/performance.md), four minutes in process. A run asking for more
    /// is refused unless this is raised.
    /// </summary>
    [Param(Provenance.Asm, "most partner-quarters (partners x quarters) a run may simulate; raise it to allow a larger run")]
    [Range(1, PartnerQuartersCeiling)]
    public long MaxPartnerQuarters { get; init; } = 1_000_000_000;

    /// <summary>
    /// False runs the legacy programme only: no launch happens inside the run, so every quarter pays
    /// legacy rebates (the <c>legacy-only</c> counterfactual pot).
    /// </summary>
    [Param(Provenance.Asm, "whether Cisco 360 launches at all (false: legacy-only counterfactual)")]
    public bool Cisco360 { get; init; } = true;
}
