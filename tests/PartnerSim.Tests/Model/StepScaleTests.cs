using PartnerSim.Inputs.Scenarios;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Model;

/// <summary>
/// The scales of §3 that come in equal steps are options (rules.scales): IndexAchieved = indexPerStep × the
/// steps of stepWidth above start a value reaches into (an edge in the lower step), at most steps. Each check
/// changes one scale and works the index out by hand; the metric next to it keeps its default.
/// </summary>
public class StepScaleTests
{
    private static int[] Indexes(IndexScaleOptions scales, MetricInputs x)
    {
        var idx = new int[Metrics.Count];
        PviScorer.Indexes(new ScoringRules(new ScoringOptions { Scales = scales }), x, inGrace: false, idx);
        return idx;
    }

    private static readonly IndexScaleOptions Defaults = new();

    [Fact]
    public void AcvGrowth_TenPointSteps_LeaveTcvOnItsDefault()
    {
        var x = new MetricInputs { AcvGrowthPct = 12, TcvGrowthPct = 12 };
        var idx = Indexes(Defaults with { AcvGrowth = new() { Start = 0, StepWidth = 10, Steps = 5, IndexPerStep = 2 } }, x);
        Assert.Equal(4, idx[(int)Metric.Acv]);  // ceil(12 / 10) = 2 steps × 2
        Assert.Equal(6, idx[(int)Metric.Tcv]);  // default: ceil(12 / 5) = 3 steps × 2
    }

    [Fact]
    public void TcvGrowth_FromMinusTen()
    {
        var x = new MetricInputs { AcvGrowthPct = -3, TcvGrowthPct = -3 };
        var idx = Indexes(Defaults with { TcvGrowth = new() { Start = -10, StepWidth = 5, Steps = 5, IndexPerStep = 2 } }, x);
        Assert.Equal(4, idx[(int)Metric.Tcv]);  // -3 − (−10) = 7: ceil(7 / 5) = 2 steps × 2
        Assert.Equal(0, idx[(int)Metric.Acv]);  // default: ≤ 0 → 0
    }

    [Fact]
    public void BuyingProgram_AiBookings_PremiumServices_EachTheirOwn()
    {
        var x = new MetricInputs { BuyingProgramPct = 33, AiBookingsPct = 15, PremiumServicesPct = 25 };
        var idx = Indexes(Defaults with
        {
            BuyingProgram = new() { Start = 0, StepWidth = 10, Steps = 10, IndexPerStep = 1 },
            AiBookings = new() { Start = 0, StepWidth = 3, Steps = 10, IndexPerStep = 1 },
            PremiumServices = new() { Start = 0, StepWidth = 10, Steps = 5, IndexPerStep = 2 },
        }, x);
        Assert.Equal(4, idx[(int)Metric.BuyingProgram]);   // ceil(3.3) = 4 (default ceil(6.6) = 7)
        Assert.Equal(5, idx[(int)Metric.AiBookings]);      // 15 / 3 = 5, an edge: 5 (default 3)
        Assert.Equal(6, idx[(int)Metric.PremiumServices]); // ceil(2.5) = 3 steps × 2 (default 5)
        Assert.Equal((7, 3, 5), (Indexes(Defaults, x)[(int)Metric.BuyingProgram], Indexes(Defaults, x)[(int)Metric.AiBookings],
            Indexes(Defaults, x)[(int)Metric.PremiumServices]));
    }

    [Theory]
    [InlineData(80, 0)]
    [InlineData(85, 3)]   // ceil((85 − 80) / 2) = 3 (default ceil(35 / 5) = 7)
    [InlineData(100, 10)] // ceil(10) = 10
    public void OnTimeRenewal_FromEighty_InTwoPointSteps(double pct, int expected) =>
        Assert.Equal(expected, Indexes(Defaults with { OnTimeRenewal = new() { Start = 80, StepWidth = 2, Steps = 10, IndexPerStep = 1 } },
            new MetricInputs { OtrrPct = pct })[(int)Metric.OnTimeRenewal]);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 6)]  // default: ≥ 2 → 10
    [InlineData(9, 10)] // at most 5 steps × 2
    public void PoweredServices_TwoPerService(int count, int expected) =>
        Assert.Equal(expected, Indexes(Defaults with { PoweredServices = new() { Start = 0, StepWidth = 1, Steps = 5, IndexPerStep = 2 } },
            new MetricInputs { PoweredServices = count })[(int)Metric.PoweredServices]);

    [Fact]
    public void AScale_PastTen_IsRefused()
    {
        var yaml = "rules:\n  scales:\n    acvGrowth: { start: 0, stepWidth: 5, steps: 10, indexPerStep: 2 }\n";
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(yaml, "s.yaml")).Errors);
        Assert.Equal(("rules.scales.acvGrowth", 3), (e.KeyPath, e.Line));
        Assert.Contains("10 x 2 = 20 is more than the top IndexAchieved, 10", e.Message);
    }
}
