using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Scoring;

/// <summary>One partner-portfolio scored without time stepping.</summary>
public sealed record ScoredRow(long PartnerId, Portfolio Portfolio, int Pvi100, Band Band, int[] Indexes);

/// <summary>
/// <c>partnersim evaluate</c>: scores metric values as they stand (no behaviour, no quarters), with the same
/// scales, weights, grace and thresholds as a run.
/// </summary>
public static class StaticEvaluation
{
    public static ScoredRow Score(long partnerId, Portfolio portfolio, MetricInputs inputs, bool inGrace, ScoringRules rules)
    {
        var idx = new int[Metrics.Count];
        PviScorer.Indexes(rules, inputs, inGrace, idx);
        int pvi100 = ScoringRules.RoundToHundredths(rules.Pvi10k(portfolio, idx));
        return new ScoredRow(partnerId, portfolio, pvi100, rules.BandOf(pvi100), idx);
    }
}
