using PartnerSim.Grains.Driver;

namespace PartnerSim.Tests.Faults;

/// <summary>The driver's backoff between retries of a subtree: doubling from the first, capped.</summary>
public sealed class RecoveryPolicyTests
{
    [Fact]
    public void Backoff_Doubles_ThenStaysAtTheCap()
    {
        var policy = RecoveryPolicy.Default;
        Assert.Equal(new[] { 0.5, 1, 2, 4, 5, 5 }, Enumerable.Range(0, 6).Select(a => policy.Backoff(a).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.Backoff(60)); // no overflow far out
    }
}
