using System.Runtime.CompilerServices;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Scoring;

/// <summary>PVI per portfolio from metric inputs (rule book §3), with the launch grace rule.</summary>
public static class PviScorer
{
    /// <summary>Fills <paramref name="indexes"/> (one IndexAchieved per <see cref="Metric"/>).</summary>
    public static void Indexes(ScoringRules rules, in MetricInputs x, bool inGrace, Span<int> indexes)
    {
        // One line per metric (rather than a loop over Index) so each inlined switch folds to its one case.
        indexes = indexes[..Metrics.Count];
        indexes[(int)Metric.Cspm] = Index(rules, Metric.Cspm, x);
        indexes[(int)Metric.Mspm] = Index(rules, Metric.Mspm, x);
        indexes[(int)Metric.BlackBelt] = Index(rules, Metric.BlackBelt, x);
        indexes[(int)Metric.Career] = Index(rules, Metric.Career, x);
        indexes[(int)Metric.PoweredServices] = Index(rules, Metric.PoweredServices, x);
        indexes[(int)Metric.Acv] = Index(rules, Metric.Acv, x);
        indexes[(int)Metric.Tcv] = Index(rules, Metric.Tcv, x);
        indexes[(int)Metric.BuyingProgram] = Index(rules, Metric.BuyingProgram, x);
        indexes[(int)Metric.AiBookings] = Index(rules, Metric.AiBookings, x);
        indexes[(int)Metric.PremiumServices] = Index(rules, Metric.PremiumServices, x);
        indexes[(int)Metric.Onboard] = Index(rules, Metric.Onboard, x);
        indexes[(int)Metric.Adopt] = Index(rules, Metric.Adopt, x);
        indexes[(int)Metric.OnTimeRenewal] = Index(rules, Metric.OnTimeRenewal, x);
        var o = rules.Options;
        if (inGrace && x.Cspm == Maturity.None && x.Mspm == Maturity.None)
        {
            // The white paper's "50% of the Partner Value Index values" for partners with no validated maturity.
            bool half = o.Grace.Basis == GraceBasis.Half;
            int credit = o.ExpertIndex * o.Grace.CreditPct / 100;
            indexes[(int)Metric.Cspm] = half ? credit : o.CspmBasicIndex;
            indexes[(int)Metric.Mspm] = half ? credit : o.MspmBasicIndex;
        }
    }

    /// <summary>One metric's IndexAchieved, without grace credit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index(ScoringRules rules, Metric metric, in MetricInputs x)
    {
        int registeredMeraki = rules.Options.MerakiCounts ? x.RegisteredMerakiCerts : 0;
        return metric switch
        {
            Metric.Cspm => rules.MaturityIndex(x.Cspm, managedServices: false),
            Metric.Mspm => rules.MaturityIndex(x.Mspm, managedServices: true),
            // Half-points against a target in whole points: floor(10 × (h/2) / target) = floor(10h / 2target).
            Metric.BlackBelt => IndexScales.AgainstTarget(x.BlackBeltHalfPoints + (long)registeredMeraki * rules.MerakiHalfPoints,
                2L * rules.BlackBeltTarget[(int)x.Size]),
            Metric.Career => IndexScales.AgainstTarget(x.CareerCerts + registeredMeraki, rules.CareerTarget[(int)x.Size]),
            Metric.PoweredServices => rules.PoweredServicesScale.Index(x.PoweredServices),
            Metric.Acv => rules.AcvGrowthScale.Index(x.AcvGrowthPct),
            Metric.Tcv => rules.TcvGrowthScale.Index(x.TcvGrowthPct),
            Metric.BuyingProgram => rules.BuyingProgramScale.Index(x.BuyingProgramPct),
            Metric.AiBookings => rules.AiBookingsScale.Index(x.AiBookingsPct),
            Metric.PremiumServices => rules.PremiumServicesScale.Index(x.PremiumServicesPct),
            Metric.Onboard => IndexScales.Onboard(x.OnboardPct),
            Metric.Adopt => IndexScales.Adopt(x.AdoptPct),
            _ => rules.OnTimeRenewalScale.Index(x.OtrrPct),
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
