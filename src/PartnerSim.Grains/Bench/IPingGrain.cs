namespace PartnerSim.Grains.Bench;

/// <summary>
/// The bench's trivial grain: keyed like a partner (partner id, run key), no state, no work. It measures what
/// Orleans' own messaging costs on the simulation's call pattern.
/// </summary>
public interface IPingGrain : IGrainWithIntegerCompoundKey
{
    Task Activate();

    /// <summary>Does nothing; answers 1 so a cohort's sum counts the calls.</summary>
    ValueTask<int> Ping(int quarter);
}

/// <summary>
/// A node of the ping cohort tree (key = (node key, run key)), laid out by the same <c>CohortLayout</c> as
/// the run's cohort grains: leaves fan out to their ping grains and sum the answers, inner nodes to their children.
/// </summary>
public interface IPingCohortGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Activates every ping grain below this node; returns how many.</summary>
    Task<int> Activate();

    /// <summary>Pings every grain below this node once; returns how many answered.</summary>
    Task<int> Ping(int quarter);
}
