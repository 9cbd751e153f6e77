using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Model;

/// <summary>The metric → IndexAchieved scales of rule book §3, on band edges (lower band) and just above.</summary>
public class ScaleTests
{
    /// <summary>The rule book's default scales, as a run compiles them.</summary>
    private static readonly ScoringRules Defaults = new(new ScoringOptions());

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.01, 1)]   // (0,5] → 1
    [InlineData(5, 1)]      // edge falls in the lower band
    [InlineData(5.01, 2)]
    [InlineData(10, 2)]
    [InlineData(10.01, 3)]
    [InlineData(40, 8)]
    [InlineData(40.01, 9)]
    [InlineData(45, 9)]     // (40,45] → 9
    [InlineData(45.01, 10)] // > 45 → 10
    [InlineData(100, 10)]
    public void FivePointSteps(double pct, int expected) => Assert.Equal(expected, Defaults.BuyingProgramScale.Index(pct));

    [Theory]
    [InlineData(-1, 0)]    // ≤ 0 → 0
    [InlineData(0, 0)]
    [InlineData(0.01, 2)]  // (0,5] → 2
    [InlineData(5, 2)]
    [InlineData(5.01, 4)]  // (5,10] → 4
    [InlineData(10, 4)]
    [InlineData(10.01, 6)]
    [InlineData(15, 6)]
    [InlineData(15.01, 8)]
    [InlineData(20, 8)]    // (15,20] → 8
    [InlineData(20.01, 10)] // > 20 → 10
    public void Growth(double pct, int expected) => Assert.Equal(expected, Defaults.AcvGrowthScale.Index(pct));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.01, 2)]  // (0,10] → 2
    [InlineData(10, 2)]
    [InlineData(10.01, 3)] // (10,15] → 3
    [InlineData(15, 3)]
    [InlineData(15.01, 4)] // 5-point steps
    [InlineData(40, 8)]
    [InlineData(45, 9)]    // (40,45] → 9
    [InlineData(45.01, 10)]
    public void Onboard(double pct, int expected) => Assert.Equal(expected, IndexScales.Onboard(pct));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.01, 5)]  // (0,3] → 5
    [InlineData(3, 5)]
    [InlineData(3.01, 6)]  // (3,6] → 6
    [InlineData(6, 6)]
    [InlineData(6.01, 7)]
    [InlineData(9, 7)]
    [InlineData(9.01, 8)]
    [InlineData(12, 8)]
    [InlineData(12.01, 9)]
    [InlineData(15, 9)]    // (12,15] → 9
    [InlineData(15.01, 10)]
    public void Adopt(double pct, int expected) => Assert.Equal(expected, IndexScales.Adopt(pct));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(50, 0)]     // ≤ 50 → 0
    [InlineData(50.01, 1)]  // (50,55] → 1
    [InlineData(55, 1)]
    [InlineData(55.01, 2)]
    [InlineData(90, 8)]
    [InlineData(90.01, 9)]
    [InlineData(95, 9)]     // (90,95] → 9
    [InlineData(95.01, 10)]
    [InlineData(100, 10)]
    public void OnTimeRenewal(double pct, int expected) => Assert.Equal(expected, Defaults.OnTimeRenewalScale.Index(pct));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 10)]
    public void PoweredServices(int count, int expected) => Assert.Equal(expected, Defaults.PoweredServicesScale.Index(count));

    private static int[] IndexesOf(MetricInputs x, ScoringOptions? o = null, bool inGrace = false)
    {
        var idx = new int[Metrics.Count];
        PviScorer.Indexes(new ScoringRules(o ?? new ScoringOptions()), x, inGrace, idx);
        return idx;
    }

    // index = min(10, floor(10 × points / target)), targets S 4, M 10, L 25, XL 60; half-points = points × 2.
    [Theory]
    [InlineData(PartnerSize.S, 3, 3)]    // 1.5 pts: floor(15/4) = 3
    [InlineData(PartnerSize.S, 8, 10)]   // 4 pts: floor(40/4) = 10
    [InlineData(PartnerSize.S, 7, 8)]    // 3.5 pts: floor(35/4) = 8
    [InlineData(PartnerSize.M, 19, 9)]   // 9.5 pts: floor(95/10) = 9
    [InlineData(PartnerSize.M, 20, 10)]  // 10 pts
    [InlineData(PartnerSize.M, 30, 10)]  // 15 pts: min(10, 15) = 10
    [InlineData(PartnerSize.M, 1, 0)]    // 0.5 pts: floor(5/10) = 0
    [InlineData(PartnerSize.L, 25, 5)]   // 12.5 pts: floor(125/25) = 5
    [InlineData(PartnerSize.L, 24, 4)]   // 12 pts: floor(120/25) = 4
    [InlineData(PartnerSize.XL, 11, 0)]  // 5.5 pts: floor(55/60) = 0
    [InlineData(PartnerSize.XL, 12, 1)]  // 6 pts: floor(60/60) = 1
    [InlineData(PartnerSize.XL, 119, 9)] // 59.5 pts: floor(595/60) = 9
    [InlineData(PartnerSize.XL, 120, 10)]// 60 pts
    public void BlackBelt_BySize(PartnerSize size, int halfPoints, int expected)
    {
        var idx = IndexesOf(new MetricInputs { Size = size, BlackBeltHalfPoints = halfPoints });
        Assert.Equal(expected, idx[(int)Metric.BlackBelt]);
    }

    // index = min(10, floor(10 × count / target)), targets S 2, M 5, L 12, XL 30.
    [Theory]
    [InlineData(PartnerSize.S, 1, 5)]    // floor(10/2)
    [InlineData(PartnerSize.S, 2, 10)]
    [InlineData(PartnerSize.S, 3, 10)]   // capped
    [InlineData(PartnerSize.M, 4, 8)]    // floor(40/5)
    [InlineData(PartnerSize.M, 0, 0)]
    [InlineData(PartnerSize.L, 11, 9)]   // floor(110/12) = 9
    [InlineData(PartnerSize.L, 6, 5)]    // floor(60/12) = 5
    [InlineData(PartnerSize.XL, 29, 9)]  // floor(290/30) = 9
    [InlineData(PartnerSize.XL, 3, 1)]   // floor(30/30) = 1
    [InlineData(PartnerSize.XL, 2, 0)]   // floor(20/30) = 0
    public void Career_BySize(PartnerSize size, int certs, int expected)
    {
        var idx = IndexesOf(new MetricInputs { Size = size, CareerCerts = certs });
        Assert.Equal(expected, idx[(int)Metric.Career]);
    }

    [Theory]
    [InlineData(Maturity.None, 0, 0)]
    [InlineData(Maturity.Basic, 4, 5)]         // CSPM Basic 4, MSPM Basic 5 (raised)
    [InlineData(Maturity.Intermediate, 7, 7)]
    [InlineData(Maturity.Expert, 10, 10)]
    public void Maturity_Default(Maturity level, int cspm, int mspm)
    {
        var idx = IndexesOf(new MetricInputs { Cspm = level, Mspm = level });
        Assert.Equal(cspm, idx[(int)Metric.Cspm]);
        Assert.Equal(mspm, idx[(int)Metric.Mspm]);
    }

    [Fact]
    public void Maturity_MspmBasicIndex3_Switch()
    {
        var idx = IndexesOf(new MetricInputs { Cspm = Maturity.Basic, Mspm = Maturity.Basic },
                            new ScoringOptions { MspmBasicIndex = 3 });
        Assert.Equal(4, idx[(int)Metric.Cspm]); // CSPM Basic unchanged
        Assert.Equal(3, idx[(int)Metric.Mspm]); // legacy MSPM Basic value
    }

    [Fact]
    public void Meraki_Counts_WhenRegisteredAndSwitchOn()
    {
        // Size M: 3 career certs + 2 registered Meraki = 5 → floor(50/5) = 10;
        // BB 5 pts (10 half-points) + 2 × 0.5 = 6 pts → floor(60/10) = 6.
        var x = new MetricInputs { Size = PartnerSize.M, CareerCerts = 3, BlackBeltHalfPoints = 10, RegisteredMerakiCerts = 2 };
        var on = IndexesOf(x);
        Assert.Equal(10, on[(int)Metric.Career]);
        Assert.Equal(6, on[(int)Metric.BlackBelt]);

        // merakiCounts off: career 3 → floor(30/5) = 6; BB 5 pts → 5.
        var off = IndexesOf(x, new ScoringOptions { MerakiCounts = false });
        Assert.Equal(6, off[(int)Metric.Career]);
        Assert.Equal(5, off[(int)Metric.BlackBelt]);
    }

    [Fact]
    public void Meraki_Unregistered_CountsNothing()
    {
        var s = new PartnerState { Size = PartnerSize.M, CareerCerts = 3, MerakiCerts = 2, MerakiRegistered = false };
        s.BlackBeltHalfPoints[0] = 10;
        var idx = IndexesOf(MetricInputs.Of(s, 12));
        Assert.Equal(6, idx[(int)Metric.Career]);    // 3 certs: floor(30/5)
        Assert.Equal(5, idx[(int)Metric.BlackBelt]); // 5 pts

        s.MerakiRegistered = true;
        idx = IndexesOf(MetricInputs.Of(s, 12));
        Assert.Equal(10, idx[(int)Metric.Career]);   // 5 certs
        Assert.Equal(6, idx[(int)Metric.BlackBelt]); // 6 pts
    }

    [Fact]
    public void BlackBelt_OutsideWindow_DoesNotCount()
    {
        // 12-quarter window: slots 0..11 count; a certificate 12 quarters old does not.
        var s = new PartnerState { Size = PartnerSize.M };
        s.BlackBeltHalfPoints[11] = 4; // 2 pts, inside
        s.BlackBeltHalfPoints[12] = 6; // 3 pts, outside
        var idx = IndexesOf(MetricInputs.Of(s, 12));
        Assert.Equal(2, idx[(int)Metric.BlackBelt]); // floor(20/10)
    }
}
