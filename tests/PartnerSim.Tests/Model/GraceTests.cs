using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Model;

/// <summary>§3 grace: no validated maturity → CSPM and MSPM credited during the 2 quarters from launch.</summary>
public class GraceTests
{
    private static (int Cspm, int Mspm) Maturities(ScoringOptions o, Maturity cspm, Maturity mspm, bool inGrace)
    {
        var idx = new int[Metrics.Count];
        PviScorer.Indexes(new ScoringRules(o), new MetricInputs { Cspm = cspm, Mspm = mspm }, inGrace, idx);
        return (idx[(int)Metric.Cspm], idx[(int)Metric.Mspm]);
    }

    [Fact]
    public void HalfBasis_InGrace_Gives5And5() =>
        Assert.Equal((5, 5), Maturities(new ScoringOptions(), Maturity.None, Maturity.None, inGrace: true)); // 50 % of max 10

    [Fact]
    public void BasicBasis_InGrace_GivesBasicValues()
    {
        var basic = new ScoringOptions { Grace = new GraceOptions { Basis = GraceBasis.Basic } };
        Assert.Equal((4, 5), Maturities(basic, Maturity.None, Maturity.None, inGrace: true)); // CSPM Basic 4, MSPM Basic 5
        Assert.Equal((4, 3), Maturities(basic with { MspmBasicIndex = 3 }, Maturity.None, Maturity.None, inGrace: true));
    }

    [Theory]
    [InlineData(50, 10, 5)] // the default: 50 % of 10
    [InlineData(30, 10, 3)] // 30 % of 10
    [InlineData(50, 9, 4)]  // 4.5, whole IndexAchieved: 4
    [InlineData(0, 10, 0)]
    public void CreditPct_OfTheMaximum(int creditPct, int expertIndex, int expected)
    {
        var o = new ScoringOptions { ExpertIndex = expertIndex, Grace = new GraceOptions { CreditPct = creditPct } };
        Assert.Equal((expected, expected), Maturities(o, Maturity.None, Maturity.None, inGrace: true));
        Assert.Equal((0, 0), Maturities(o, Maturity.None, Maturity.None, inGrace: false));
    }

    [Fact]
    public void OutOfGrace_Gives0And0() =>
        Assert.Equal((0, 0), Maturities(new ScoringOptions(), Maturity.None, Maturity.None, inGrace: false));

    [Theory]
    [InlineData(Maturity.Basic, Maturity.None, 4, 0)]          // CSPM validated: MSPM stays 0
    [InlineData(Maturity.None, Maturity.Basic, 0, 5)]          // MSPM validated: CSPM stays 0
    [InlineData(Maturity.None, Maturity.Intermediate, 0, 7)]
    public void AnyValidatedMaturity_GetsNoGrace(Maturity cspm, Maturity mspm, int expectCspm, int expectMspm) =>
        Assert.Equal((expectCspm, expectMspm), Maturities(new ScoringOptions(), cspm, mspm, inGrace: true));

    [Fact]
    public void Grace_AddsOnePointTwoFive_ToNetworkingPvi()
    {
        var rules = new ScoringRules(new ScoringOptions());
        var x = new MetricInputs { Size = PartnerSize.M, BuyingProgramPct = 50 }; // BP 10 → 10×1000 = 10000
        Assert.Equal(100, PviScorer.Pvi100(rules, Portfolio.Networking, x, inGrace: false)); // 1.00
        // + 5×1250 + 5×1250 = 12500 → 22500 → 2.25
        Assert.Equal(225, PviScorer.Pvi100(rules, Portfolio.Networking, x, inGrace: true));
    }

    [Fact]
    public void RuleBook_InGrace_LaunchAndNextQuarter()
    {
        var book = new RuleBook(new ScenarioOptions()); // start FY26Q1, launch FY26Q3 → run quarter 2
        Assert.Equal(2, book.Launch);
        Assert.False(book.InGrace(0));
        Assert.False(book.InGrace(1));
        Assert.True(book.InGrace(2));  // launch
        Assert.True(book.InGrace(3));  // launch + 1
        Assert.False(book.InGrace(4)); // launch + 2
    }

    [Fact]
    public void RuleBook_Protected_SixQuartersFromLaunch()
    {
        var book = new RuleBook(new ScenarioOptions());
        Assert.False(book.IsProtected(1));
        for (int q = 2; q <= 7; q++) Assert.True(book.IsProtected(q)); // launch .. launch+5
        Assert.False(book.IsProtected(8));                             // launch+6
    }
}
