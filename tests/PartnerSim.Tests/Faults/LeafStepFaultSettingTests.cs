using PartnerSim.Silo.Faults;

namespace PartnerSim.Tests.Faults;

/// <summary>PARTNERSIM_KILL_AT_LEAF_STEP: the setting is read strictly, and a bad one names its key.</summary>
public sealed class LeafStepFaultSettingTests
{
    [Theory]
    [InlineData("quarter=2")]
    [InlineData("quarter=0,step=3")]
    [InlineData(" quarter=5 , step=1 , once=/tmp/marker ")]
    public void WellFormed_IsAccepted(string setting) => Assert.NotNull(KillAtLeafStep.Parse(setting));

    [Theory]
    [InlineData("step=2", "quarter=Q is missing")]
    [InlineData("quarter=-1", "quarter: '-1' is not a whole number of at least 0")]
    [InlineData("quarter=2,step=0", "step: '0' is not a whole number of at least 1")]
    [InlineData("quarter=2,stepp=1", "unknown key 'stepp'")]
    [InlineData("quarter=2,once=", "once needs a file path")]
    public void Malformed_NamesTheKey(string setting, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => KillAtLeafStep.Parse(setting));
        Assert.StartsWith($"{KillAtLeafStep.Variable}: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void OtherQuarters_AndEarlierSteps_DoNothing()
    {
        // The process would die on the third leaf of quarter 1; everything before it must pass.
        var fault = KillAtLeafStep.Parse("quarter=1,step=3");
        fault.Stepped(0);
        fault.Stepped(2);
        fault.Stepped(1);
        fault.Stepped(1);
    }
}
