using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Model.Population;

/// <summary>The derived parts of a new partner, shared by the generator and the roster loader.</summary>
public static class PartnerFactory
{
    public static void Complete(PartnerState s, RuleBook rules)
    {
        // The main portfolio is the largest share; ties go to the earlier portfolio.
        int main = 0;
        for (int p = 1; p < s.PortfolioShare.Length; p++) if (s.PortfolioShare[p] > s.PortfolioShare[main]) main = p;
        s.MainPortfolio = (Portfolio)main;

        // The eight quarters before the run, projected backwards from the run rate without noise.
        double perQuarter = s.AnnualBookingsUsd / 4, factor = 1 + s.GrowthPct / 400;
        for (int k = 0; k < s.QuarterBookings.Length; k++) s.QuarterBookings[k] = perQuarter / Math.Pow(factor, k);

        s.Aware = s.Archetype != Archetype.Unaware;
        s.PaymentLag = rules.Options.Money.PaymentLagQuarters;
        s.LastMainPvi100 = PviScorer.Pvi100(rules.Scoring, s.MainPortfolio,
            MetricInputs.Of(s, rules.Options.Rules.BlackBeltWindowQuarters), inGrace: false);
    }
}
