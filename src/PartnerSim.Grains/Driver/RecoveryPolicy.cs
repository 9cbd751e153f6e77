namespace PartnerSim.Grains.Driver;

/// <summary>
/// How the driver retries a failed subtree. A silo killed mid-quarter makes calls into it fail until the cluster
/// declares it dead and its grains can be activated elsewhere (seconds to tens of seconds), so retries back off, and a
/// subtree is given up on only after failing for <see cref="GiveUpAfter"/>. A call still unanswered when a silo leaves
/// the cluster (seen every <see cref="WatchEvery"/>) or after <see cref="AttemptTimeout"/> counts as failed.
/// </summary>
public sealed record RecoveryPolicy
{
    public TimeSpan WatchEvery { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Far above any subtree's quarter (a million partners' quarter takes about a minute on two cores).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1: doubling from the first, capped.</summary>
    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt, 20)));

    public static RecoveryPolicy Default { get; } = new();
}
