using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Scoring;

/// <summary>PVI per portfolio from metric inputs (rule book §3), with the launch grace rule.</summary>
public static class PviScorer
{
    /// <summary>Fills <paramref name="indexes"/> (one IndexAchieved per <see cref="Metric"/>).</summary>
    public static void Indexes(ScoringRules rules, in MetricInputs x, bool inGrace, Span<int> indexes)
    {
        for (int m = 0; m < Metrics.Count; m++) indexes[m] = Index(rules, (Metric)m, x);
        var o = rules.Options;
        if (inGrace && x.Cspm == Maturity.None && x.Mspm == Maturity.None)
        {
            // The white paper's "50% of the Partner Value Index values" for partners with no validated maturity.
            bool half = o.Grace.Basis == GraceBasis.Half;
            indexes[(int)Metric.Cspm] = half ? o.ExpertIndex / 2 : o.CspmBasicIndex;
            indexes[(int)Metric.Mspm] = half ? o.ExpertIndex / 2 : o.MspmBasicIndex;
        }
    }

    /// <summary>One metric's IndexAchieved, without grace credit.</summary>
    public static int Index(ScoringRules rules, Metric metric, in MetricInputs x)
    {
        int registeredMeraki = rules.Options.MerakiCounts ? x.RegisteredMerakiCerts : 0;
        return metric switch
        {
            Metric.Cspm => rules.MaturityIndex(x.Cspm, managedServices: false),
            Metric.Mspm => rules.MaturityIndex(x.Mspm, managedServices: true),
            // Half-points against a target in whole points: floor(10 × (h/2) / target) = floor(10h / 2target).
            Metric.BlackBelt => IndexScales.AgainstTarget(x.BlackBeltHalfPoints + registeredMeraki, 2L * rules.BlackBeltTarget[(int)x.Size]),
            Metric.Career => IndexScales.AgainstTarget(x.CareerCerts + registeredMeraki, rules.CareerTarget[(int)x.Size]),
            Metric.PoweredServices => IndexScales.PoweredServices(x.PoweredServices),
            Metric.Acv => IndexScales.Growth(x.AcvGrowthPct),
            Metric.Tcv => IndexScales.Growth(x.TcvGrowthPct),
            Metric.BuyingProgram => IndexScales.FivePointSteps(x.BuyingProgramPct),
            Metric.AiBookings => IndexScales.FivePointSteps(x.AiBookingsPct),
            Metric.PremiumServices => IndexScales.FivePointSteps(x.PremiumServicesPct),
            Metric.Onboard => IndexScales.Onboard(x.OnboardPct),
            Metric.Adopt => IndexScales.Adopt(x.AdoptPct),
            _ => IndexScales.OnTimeRenewal(x.OtrrPct),
        };
    }

    /// <summary>Rounded PVI ×100 of one portfolio.</summary>
    public static int Pvi100(ScoringRules rules, Portfolio p, in MetricInputs x, bool inGrace)
    {
        Span<int> idx = stackalloc int[Metrics.Count];
        Indexes(rules, x, inGrace, idx);
        return ScoringRules.RoundToHundredths(rules.Pvi10k(p, idx));
    }
}
