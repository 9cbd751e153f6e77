using PartnerSim.Model.Behaviour;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Money;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Model.Engine;

/// <summary>
/// One partner through one quarter, in the order of rule book §6: awareness, action, business, scoring,
/// money, leaving. The only entry point that changes a <see cref="PartnerState"/> over time; the grain host
/// and the in-process loop both call it, which is why their digests agree.
/// </summary>
public static class PartnerStep
{
    public static PartnerOutcome Run(PartnerState s, int quarter, RuleBook rules, CounterRandom rng)
    {
        if (quarter != s.LastQuarter + 1)
            throw new InvalidOperationException($"partner {s.Id} is at quarter {s.LastQuarter}; cannot step to {quarter}");
        s.LastQuarter = quarter;

        History.Age(s.BlackBeltHalfPoints); // points past the window drop out of the sum
        ActionPlanner.CompleteValidations(s, quarter);

        var outcome = new PartnerOutcome
        {
            WasActive = s.Active, Provider = s.LegacyProvider, MainPortfolio = s.MainPortfolio,
        };
        long cpiCents = 0, legacyCents = 0;
        var draws = s.Active ? QuarterDraws.Of(rng, s.Id, quarter) : default;
        if (s.Active)
        {
            Awareness.Apply(s, quarter, rules, draws.Awareness);
            ActionPlanner.Apply(s, quarter, rules, draws.Action);
            Business.Apply(s, rules, draws);

            Span<Band> effective = stackalloc Band[Metrics.PortfolioCount];
            Score(s, quarter, rules, effective, ref outcome);

            var money = Deals.Book(s, quarter, effective, rules, rng, draws.DealCount);
            cpiCents = QuarterMoney.Cents(money.CpiUsd);
            legacyCents = QuarterMoney.Cents(money.LegacyUsd);
            outcome.Deals = money.Deals;
            outcome.BookingsCents = QuarterMoney.Cents(money.BookingsUsd);
            outcome.DiscountCents = QuarterMoney.Cents(money.DiscountUsd);
            outcome.CpiEarnedCents = cpiCents;
            outcome.LegacyEarnedCents = legacyCents;
            if (rules.IsLaunched(quarter))
            {
                outcome.Launched = true;
                outcome.Losing = legacyCents > 0 && cpiCents == 0;
            }
        }

        var paid = Payment.Settle(s, quarter, cpiCents, legacyCents, rules);
        outcome.CpiPaidCents = paid.CpiCents;
        outcome.LegacyPaidCents = paid.LegacyCents;
        outcome.MissedPayment = paid.Missed;

        if (s.Active) outcome.Left = Leaving.Apply(s, quarter, outcome.MainBand, rules, draws.Leaving);
        outcome.Active = s.Active;
        outcome.Aware = s.Aware;
        outcome.Segment = new SegmentCell(s.LegacyTier, s.Size, s.ManagedBy, s.Archetype);
        return outcome;
    }

    /// <summary>§4: PVI per portfolio, raw and effective bands, and the pre-launch high-water mark.</summary>
    private static void Score(PartnerState s, int quarter, RuleBook rules, Span<Band> effective, ref PartnerOutcome outcome)
    {
        var scoring = rules.Scoring;
        Span<int> idx = stackalloc int[Metrics.Count];
        var inputs = MetricInputs.Of(s, rules.Options.Rules.BlackBeltWindowQuarters);
        PviScorer.Indexes(scoring, inputs, rules.InGrace(quarter), idx);
        bool prelaunch = !rules.IsLaunched(quarter), protectedNow = rules.IsProtected(quarter);
        var pvi10k = scoring.Pvi10kAll(idx);
        for (int p = 0; p < Metrics.PortfolioCount; p++)
        {
            int pvi100 = ScoringRules.RoundToHundredths(pvi10k[p]);
            var raw = scoring.BandOf(pvi100);
            if (prelaunch && raw > s.ProtectedBand[p]) s.ProtectedBand[p] = raw;
            effective[p] = protectedNow && s.ProtectedBand[p] > raw ? s.ProtectedBand[p] : raw;
            outcome.Pvi100[p] = (short)pvi100;
            outcome.Bands[p] = effective[p];
            if (p == (int)s.MainPortfolio)
            {
                outcome.MainRawBand = raw;
                s.LastMainPvi100 = pvi100;
            }
        }
    }
}
