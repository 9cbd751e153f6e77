using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Scoring;

/// <summary>PVI per portfolio from metric inputs (rule book §3), with the launch grace rule.</summary>
public static class PviScorer
{
    /// <summary>Fills <paramref name="indexes"/> (one IndexAchieved per <see cref="Metric"/>).</summary>
    public static void Indexes(ScoringRules rules, in MetricInputs x, bool inGrace, Span<int> indexes)
    {
        var o = rules.Options;
        int registeredMeraki = o.MerakiCounts ? x.RegisteredMerakiCerts : 0;
        int size = (int)x.Size;

        indexes[(int)Metric.Cspm] = rules.MaturityIndex(x.Cspm, managedServices: false);
        indexes[(int)Metric.Mspm] = rules.MaturityIndex(x.Mspm, managedServices: true);
        if (inGrace && x.Cspm == Maturity.None && x.Mspm == Maturity.None)
        {
            // The white paper's "50% of the Partner Value Index values" for partners with no validated maturity.
            bool half = o.Grace.Basis == GraceBasis.Half;
            indexes[(int)Metric.Cspm] = half ? o.ExpertIndex / 2 : o.CspmBasicIndex;
            indexes[(int)Metric.Mspm] = half ? o.ExpertIndex / 2 : o.MspmBasicIndex;
        }
        // Half-points against a target in whole points: floor(10 × (h/2) / target) = floor(10h / 2target).
        indexes[(int)Metric.BlackBelt] = IndexScales.AgainstTarget(x.BlackBeltHalfPoints + registeredMeraki, 2L * rules.BlackBeltTarget[size]);
        indexes[(int)Metric.Career] = IndexScales.AgainstTarget(x.CareerCerts + registeredMeraki, rules.CareerTarget[size]);
        indexes[(int)Metric.PoweredServices] = IndexScales.PoweredServices(x.PoweredServices);
        indexes[(int)Metric.Acv] = IndexScales.Growth(x.AcvGrowthPct);
        indexes[(int)Metric.Tcv] = IndexScales.Growth(x.TcvGrowthPct);
        indexes[(int)Metric.BuyingProgram] = IndexScales.FivePointSteps(x.BuyingProgramPct);
        indexes[(int)Metric.AiBookings] = IndexScales.FivePointSteps(x.AiBookingsPct);
        indexes[(int)Metric.PremiumServices] = IndexScales.FivePointSteps(x.PremiumServicesPct);
        indexes[(int)Metric.Onboard] = IndexScales.Onboard(x.OnboardPct);
        indexes[(int)Metric.Adopt] = IndexScales.Adopt(x.AdoptPct);
        indexes[(int)Metric.OnTimeRenewal] = IndexScales.OnTimeRenewal(x.OtrrPct);
    }

    /// <summary>Rounded PVI ×100 of one portfolio.</summary>
    public static int Pvi100(ScoringRules rules, Portfolio p, in MetricInputs x, bool inGrace)
    {
        Span<int> idx = stackalloc int[Metrics.Count];
        Indexes(rules, x, inGrace, idx);
        return ScoringRules.RoundToHundredths(rules.Pvi10k(p, idx));
    }
}
