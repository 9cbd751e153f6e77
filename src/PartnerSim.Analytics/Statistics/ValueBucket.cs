namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// A group of holders for a bucketed <see cref="LorenzCurve"/>: how many there are and how much they hold
/// together. Mergeable sketch buckets carry exactly this.
/// </summary>
public readonly record struct ValueBucket(long Count, double Sum);
