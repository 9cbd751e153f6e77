namespace PartnerSim.Grains.Driver;

/// <summary>The driver stopped waiting for a call (a silo left the cluster meanwhile, or it took too long); it asks again.</summary>
public sealed class AbandonedCallException(string message) : Exception(message);
