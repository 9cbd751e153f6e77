using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Model;

/// <summary>
/// PVI = Σ IndexAchieved × categoryWeight × metricWeight (rule book §3); PVI × 10,000 is the integer
/// Σ IndexAchieved × (category % × metric %). Every expected value below is worked out by hand from the
/// weights table of §3.
/// </summary>
public class PviTests
{
    private static readonly ScoringRules Rules = new(new ScoringOptions());

    private static int[] Idx(
        int cspm = 0, int mspm = 0, int blackBelt = 0, int career = 0, int powered = 0,
        int acv = 0, int tcv = 0, int buyingProgram = 0, int aiBookings = 0, int premium = 0,
        int onboard = 0, int adopt = 0, int otrr = 0)
    {
        var i = new int[Metrics.Count];
        i[(int)Metric.Cspm] = cspm; i[(int)Metric.Mspm] = mspm;
        i[(int)Metric.BlackBelt] = blackBelt; i[(int)Metric.Career] = career; i[(int)Metric.PoweredServices] = powered;
        i[(int)Metric.Acv] = acv; i[(int)Metric.Tcv] = tcv; i[(int)Metric.BuyingProgram] = buyingProgram;
        i[(int)Metric.AiBookings] = aiBookings; i[(int)Metric.PremiumServices] = premium;
        i[(int)Metric.Onboard] = onboard; i[(int)Metric.Adopt] = adopt; i[(int)Metric.OnTimeRenewal] = otrr;
        return i;
    }

    [Fact]
    public void WorkedCheck_Networking_Gives_5_62()
    {
        var idx = Idx(cspm: 7, mspm: 3, blackBelt: 5, career: 6, acv: 4, tcv: 5, buyingProgram: 7, onboard: 6, adopt: 8);
        // Networking coefficients: CSPM/MSPM 25×50=1250, BB 45×40=1800, Career 45×60=2700,
        // ACV/TCV 20×25=500, BP 20×50=1000, Onboard/Adopt 10×50=500.
        // 7×1250 + 3×1250 + 5×1800 + 6×2700 + 4×500 + 5×500 + 7×1000 + 6×500 + 8×500
        // = 8750 + 3750 + 9000 + 16200 + 2000 + 2500 + 7000 + 3000 + 4000 = 56200
        int pvi10k = Rules.Pvi10k(Portfolio.Networking, idx);
        Assert.Equal(56200, pvi10k);
        Assert.Equal(562, ScoringRules.RoundToHundredths(pvi10k)); // 5.62
    }

    [Fact]
    public void Security_HandExample_UsesNetworkingWeights_AndRoundsHalfUp()
    {
        // Non-Security metrics (powered, AI, premium, OTRR) set to 10 to show they weigh 0.
        var idx = Idx(cspm: 4, mspm: 5, blackBelt: 10, career: 3, acv: 2, tcv: 0, buyingProgram: 9, onboard: 2, adopt: 10,
                      powered: 10, aiBookings: 10, premium: 10, otrr: 10);
        // 4×1250 + 5×1250 + 10×1800 + 3×2700 + 2×500 + 0×500 + 9×1000 + 2×500 + 10×500
        // = 5000 + 6250 + 18000 + 8100 + 1000 + 0 + 9000 + 1000 + 5000 = 53350
        int pvi10k = Rules.Pvi10k(Portfolio.Security, idx);
        Assert.Equal(53350, pvi10k);
        Assert.Equal(534, ScoringRules.RoundToHundredths(pvi10k)); // 5.335 → 5.34 (half away from zero)
    }

    [Fact]
    public void CloudAI_HandExample()
    {
        var idx = Idx(cspm: 7, mspm: 10, blackBelt: 2, career: 8, acv: 6, tcv: 4, buyingProgram: 10, aiBookings: 3, onboard: 9, adopt: 5,
                      powered: 10, premium: 10, otrr: 10);
        // CloudAI: CSPM/MSPM 1250, BB 1800, Career 2700, ACV/TCV/BP/AI 20×25=500 each, Onboard/Adopt 500.
        // 7×1250 + 10×1250 + 2×1800 + 8×2700 + 6×500 + 4×500 + 10×500 + 3×500 + 9×500 + 5×500
        // = 8750 + 12500 + 3600 + 21600 + 3000 + 2000 + 5000 + 1500 + 4500 + 2500 = 64950
        int pvi10k = Rules.Pvi10k(Portfolio.CloudAI, idx);
        Assert.Equal(64950, pvi10k);
        Assert.Equal(650, ScoringRules.RoundToHundredths(pvi10k)); // 6.495 → 6.50
    }

    [Fact]
    public void Collaboration_HandExample()
    {
        var idx = Idx(cspm: 4, mspm: 5, blackBelt: 6, career: 10, powered: 5, acv: 8, tcv: 2, buyingProgram: 10, onboard: 3, adopt: 7,
                      aiBookings: 10, premium: 10, otrr: 10);
        // Collaboration: CSPM/MSPM 1250; BB 25×30=750, Career 25×40=1000, Powered 25×30=750;
        // ACV/TCV 20×50=1000; BP 0; Onboard/Adopt 30×50=1500.
        // 4×1250 + 5×1250 + 6×750 + 10×1000 + 5×750 + 8×1000 + 2×1000 + 0 + 3×1500 + 7×1500
        // = 5000 + 6250 + 4500 + 10000 + 3750 + 8000 + 2000 + 4500 + 10500 = 54500
        int pvi10k = Rules.Pvi10k(Portfolio.Collaboration, idx);
        Assert.Equal(54500, pvi10k);
        Assert.Equal(545, ScoringRules.RoundToHundredths(pvi10k));
    }

    [Fact]
    public void Services_HandExample()
    {
        var idx = Idx(cspm: 10, mspm: 0, blackBelt: 7, career: 10, acv: 4, tcv: 10, buyingProgram: 10, premium: 9, otrr: 6,
                      powered: 10, aiBookings: 10, onboard: 10, adopt: 10);
        // Services: CSPM/MSPM 1250; BB 20×100=2000; Career 0; ACV 25×50=1250, Premium 25×50=1250;
        // TCV/BP 0; OTRR 30×100=3000; Onboard/Adopt 0.
        // 10×1250 + 0 + 7×2000 + 4×1250 + 9×1250 + 6×3000 = 12500 + 14000 + 5000 + 11250 + 18000 = 60750
        int pvi10k = Rules.Pvi10k(Portfolio.Services, idx);
        Assert.Equal(60750, pvi10k);
        Assert.Equal(608, ScoringRules.RoundToHundredths(pvi10k)); // 6.075 → 6.08
    }

    [Theory]
    [InlineData(Portfolio.Networking)]
    [InlineData(Portfolio.Security)]
    [InlineData(Portfolio.CloudAI)]
    [InlineData(Portfolio.Collaboration)]
    [InlineData(Portfolio.Services)]
    public void AllTens_Gives_10_00(Portfolio p)
    {
        var idx = Idx(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        // Category weights sum to 100 % and metric weights to 100 % within each: 10 × 100 × 100 = 100000.
        Assert.Equal(100_000, Rules.Pvi10k(p, idx));
    }

    [Theory]
    [InlineData(49950, 500)] // 4.995 → 5.00, half away from zero
    [InlineData(49949, 499)] // 4.9949 → 4.99
    [InlineData(56249, 562)] // 5.6249 → 5.62
    [InlineData(56250, 563)] // 5.625 → 5.63
    [InlineData(0, 0)]
    [InlineData(49, 0)]      // 0.0049 → 0.00
    [InlineData(50, 1)]      // 0.005 → 0.01
    [InlineData(100000, 1000)]
    public void RoundToHundredths_HalfAwayFromZero(int pvi10k, int expected) =>
        Assert.Equal(expected, ScoringRules.RoundToHundredths(pvi10k));

    [Fact]
    public void Pvi100_FromMetricInputs_Networking()
    {
        // Size M; CSPM Intermediate → 7; MSPM Basic → 5; 5 BB points (10 half-points) vs target 10 → floor(50/10)=5;
        // 3 career certs vs target 5 → floor(30/5)=6; ACV 7.5 % → (5,10] → 4; TCV 12 % → (10,15] → 6;
        // BP 33 % → ceil(6.6)=7; onboard 30 % → 6; adopt 10 % → (9,12] → 8.
        var x = new MetricInputs
        {
            Size = PartnerSize.M, Cspm = Maturity.Intermediate, Mspm = Maturity.Basic,
            BlackBeltHalfPoints = 10, CareerCerts = 3, AcvGrowthPct = 7.5, TcvGrowthPct = 12,
            BuyingProgramPct = 33, OnboardPct = 30, AdoptPct = 10,
        };
        // 7×1250 + 5×1250 + 5×1800 + 6×2700 + 4×500 + 6×500 + 7×1000 + 6×500 + 8×500
        // = 8750 + 6250 + 9000 + 16200 + 2000 + 3000 + 7000 + 3000 + 4000 = 59200 → 5.92
        Assert.Equal(592, PviScorer.Pvi100(Rules, Portfolio.Networking, x, inGrace: false));
    }
}
