using PartnerSim.Model.Behaviour;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Tests.Model;

/// <summary>§6.2: the paid action with the largest exact PVI gain per cost in the main portfolio.</summary>
public class ActionTests
{
    private static readonly RuleBook Book = new(new ScenarioOptions());

    /// <summary>
    /// Size M Networking partner with every Networking metric at 10 except what the test lowers:
    /// CSPM/MSPM Expert, 10 BB points (20 half-points), 5 career certs, ACV/TCV 25 %, BP 50 %, onboard 50 %, adopt 20 %.
    /// </summary>
    private static PartnerState Maxed(int employees = 20)
    {
        var s = new PartnerState
        {
            Size = PartnerSize.M, Employees = employees, MainPortfolio = Portfolio.Networking,
            Cspm = Maturity.Expert, Mspm = Maturity.Expert, CareerCerts = 5,
            AcvGrowthPct = 25, TcvGrowthPct = 25, BuyingProgramPct = 50, OnboardPct = 50, AdoptPct = 20,
        };
        s.PortfolioShare[(int)Portfolio.Networking] = 1;
        s.BlackBeltHalfPoints[0] = 20;
        return s;
    }

    [Fact]
    public void Costs()
    {
        var o = new ActionOptions();
        Assert.Equal(1, ActionPlanner.Cost(ProgramAction.PreSalesAap, o));
        Assert.Equal(2, ActionPlanner.Cost(ProgramAction.BlackBeltTraining, o));
        Assert.Equal(2, ActionPlanner.Cost(ProgramAction.CareerCertifications, o));
        Assert.Equal(3, ActionPlanner.Cost(ProgramAction.ValidateCspmBasic, o));
        Assert.Equal(3, ActionPlanner.Cost(ProgramAction.ValidateMspmBasic, o));
        Assert.Equal(6, ActionPlanner.Cost(ProgramAction.CspmIntermediate, o));
        Assert.Equal(6, ActionPlanner.Cost(ProgramAction.MspmIntermediate, o));
        Assert.Equal(10, ActionPlanner.Cost(ProgramAction.CspmExpert, o));
        Assert.Equal(10, ActionPlanner.Cost(ProgramAction.MspmExpert, o));
    }

    [Fact]
    public void OnlyGap_MspmNone_PicksValidateMspmBasic()
    {
        var s = Maxed();
        s.Mspm = Maturity.None;
        // MSPM Basic: +5 × 50 % × 25 % = 6250 PVI10k for cost 3; every other applicable action gains 0
        // (AAP: onboard/adopt already 10; BB, career capped; CSPM at Expert; MSPM Intermediate needs Basic).
        Assert.Equal(ProgramAction.ValidateMspmBasic, ActionPlanner.BestPaidAction(s, Book));
    }

    [Fact]
    public void AapBeatsMspmBasic_OnGainPerCost()
    {
        var s = Maxed();
        s.Mspm = Maturity.None;
        s.OnboardPct = 0; s.AdoptPct = 0;
        // AAP: onboard 0 → 15 % → 3 (+3×500 = 1500), adopt 0 → 5 % → 6 (+6×500 = 3000): 4500 / cost 1 = 4500;
        // MSPM Basic: 6250 / 3 ≈ 2083.
        Assert.Equal(ProgramAction.PreSalesAap, ActionPlanner.BestPaidAction(s, Book));
    }

    [Fact]
    public void MspmBasicBeatsAap_WhenAapGainsLess()
    {
        var s = Maxed();
        s.Mspm = Maturity.None;
        s.OnboardPct = 40; // index 8 → 40+15 = 55 % → 10: +2×500 = 1000 / cost 1 = 1000 < 6250 / 3 ≈ 2083
        Assert.Equal(ProgramAction.ValidateMspmBasic, ActionPlanner.BestPaidAction(s, Book));
    }

    [Fact]
    public void Tie_GoesToEarlierAction()
    {
        var s = Maxed(employees: 30);
        s.BlackBeltHalfPoints[0] = 0; s.CareerCerts = 0;
        // BB training: max(1, floor(30 × 0.1)) = 3 certs = 3 pts → floor(30/10) = 3 → +3×1800 = 5400, cost 2.
        // Career: max(1, floor(30 × 0.05)) = 1 cert → floor(10/5) = 2 → +2×2700 = 5400, cost 2. Tie → BB (earlier).
        Assert.Equal(ProgramAction.BlackBeltTraining, ActionPlanner.BestPaidAction(s, Book));
    }

    [Fact]
    public void CareerWins_WhenBlackBeltGainsLess()
    {
        var s = Maxed(employees: 20);
        s.BlackBeltHalfPoints[0] = 0; s.CareerCerts = 0;
        // BB: floor(20 × 0.1) = 2 pts → 2 → 3600; career: 1 cert → 2 → 5400; both cost 2.
        Assert.Equal(ProgramAction.CareerCertifications, ActionPlanner.BestPaidAction(s, Book));
    }

    [Fact]
    public void NoGain_NoAction()
    {
        Assert.Null(ActionPlanner.BestPaidAction(Maxed(), Book)); // every Networking metric already at 10
    }

    [Fact]
    public void ValidationInProgress_NotApplicable()
    {
        var s = Maxed();
        s.Mspm = Maturity.None;
        s.MspmPending = Maturity.Basic; s.MspmReadyQuarter = 5;
        Assert.False(ActionPlanner.Applicable(s, ProgramAction.ValidateMspmBasic));
        Assert.Null(ActionPlanner.BestPaidAction(s, Book)); // the only gap is already being validated

        var t = Maxed();
        t.Cspm = Maturity.Basic; t.CspmPending = Maturity.Intermediate;
        Assert.False(ActionPlanner.Applicable(t, ProgramAction.CspmIntermediate));
        t.CspmPending = Maturity.None;
        Assert.True(ActionPlanner.Applicable(t, ProgramAction.CspmIntermediate));
        Assert.False(ActionPlanner.Applicable(t, ProgramAction.ValidateCspmBasic)); // already Basic
    }

    [Fact]
    public void Gain_UsesMainPortfolioWeights()
    {
        // Services main portfolio: only CSPM missing (None), MSPM Expert; BB 10, ACV 10, premium > 45 → 10, OTRR > 95 → 10.
        var s = new PartnerState
        {
            Size = PartnerSize.M, Employees = 20, MainPortfolio = Portfolio.Services,
            Cspm = Maturity.None, Mspm = Maturity.Expert, AcvGrowthPct = 25, PremiumServicesPct = 50, OtrrPct = 100,
        };
        s.BlackBeltHalfPoints[0] = 20;
        // Services has no career/onboard/adopt weight: AAP and career gain 0; CSPM Basic gains 4×1250 = 5000 / 3.
        Assert.Equal(ProgramAction.ValidateCspmBasic, ActionPlanner.BestPaidAction(s, Book));
    }
}
