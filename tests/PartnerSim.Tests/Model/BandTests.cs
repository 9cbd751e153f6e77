using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Model;

/// <summary>§4 bands: registered ≥ 1.00, partner ≥ 5.00, preferred ≥ 7.50; "&gt;" under the Above switch.</summary>
public class BandTests
{
    [Theory]
    [InlineData(0, Band.None)]
    [InlineData(99, Band.None)]
    [InlineData(100, Band.Registered)]  // 1.00 >= 1.00
    [InlineData(499, Band.Registered)]
    [InlineData(500, Band.Partner)]     // 5.00 >= 5.00
    [InlineData(749, Band.Partner)]
    [InlineData(750, Band.Preferred)]   // 7.50 >= 7.50
    [InlineData(1000, Band.Preferred)]
    public void AtLeast(int pvi100, Band expected) =>
        Assert.Equal(expected, new ScoringRules(new ScoringOptions()).BandOf(pvi100));

    [Theory]
    [InlineData(0, Band.None)]
    [InlineData(100, Band.None)]        // 1.00 is not > 1.00
    [InlineData(101, Band.Registered)]
    [InlineData(500, Band.Registered)]  // 5.00 is not > 5.00
    [InlineData(501, Band.Partner)]
    [InlineData(750, Band.Partner)]     // 7.50 is not > 7.50
    [InlineData(751, Band.Preferred)]
    public void Above(int pvi100, Band expected) =>
        Assert.Equal(expected, new ScoringRules(new ScoringOptions { ThresholdComparator = ThresholdComparator.Above }).BandOf(pvi100));

    [Fact]
    public void ThresholdTestUsesRoundedPvi()
    {
        // Rounded before any threshold test: 49950 → 5.00 → Partner; 49949 → 4.99 → Registered.
        var rules = new ScoringRules(new ScoringOptions());
        Assert.Equal(Band.Partner, rules.BandOf(ScoringRules.RoundToHundredths(49950)));
        Assert.Equal(Band.Registered, rules.BandOf(ScoringRules.RoundToHundredths(49949)));
    }

    [Fact]
    public void ChangedPartnerThreshold()
    {
        // rule-stress: threshold 5 → 4 and 6.
        var four = new ScoringRules(new ScoringOptions { PartnerThreshold = 4.0 });
        Assert.Equal(Band.Partner, four.BandOf(400));
        Assert.Equal(Band.Registered, four.BandOf(399));
        var six = new ScoringRules(new ScoringOptions { PartnerThreshold = 6.0 });
        Assert.Equal(Band.Registered, six.BandOf(599));
        Assert.Equal(Band.Partner, six.BandOf(600));
    }
}
