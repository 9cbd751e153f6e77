using System.Runtime.CompilerServices;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Model.Behaviour;

/// <summary>
/// §6.2: an aware partner that acts takes the free actions, then the paid action with the largest PVI gain
/// per cost in its main portfolio. Gains are exact (PVI × 10,000, unrounded, without grace credit), so
/// the choice never depends on floating-point ties.
/// </summary>
public static class ActionPlanner
{
    private static readonly ProgramAction[] PaidActions = Enum.GetValues<ProgramAction>();
    private static readonly Metric[] MovedMetrics = PaidActions.SelectMany(a => Moves(a).ToArray()).Distinct().ToArray();

    /// <param name="draw">The quarter's action draw (<see cref="QuarterDraws.Action"/>).</param>
    public static void Apply(PartnerState s, int quarter, RuleBook rules, double draw)
    {
        bool acts = s.Aware && draw < rules.PAct[(int)s.Archetype];
        bool helped = DistributorHelps(s, quarter, rules);
        if (!acts && !helped) return;

        TakeFreeActions(s, quarter, rules);
        int paid = (acts ? 1 : 0) + (helped ? 1 : 0);
        for (int i = 0; i < paid; i++)
        {
            var best = BestPaidAction(s, rules);
            if (best is null) break;
            ApplyPaid(s, best.Value, quarter, rules);
        }
    }

    /// <summary>DriveToFive / BeTheOne add one paid action a quarter from launch while last quarter's PVI is short.</summary>
    public static bool DistributorHelps(PartnerState s, int quarter, RuleBook rules)
    {
        if (!rules.IsLaunched(quarter)) return false;
        return s.ManagedBy switch
        {
            ManagedBy.DriveToFive => !rules.Scoring.Meets(s.LastMainPvi100, Band.Partner),
            ManagedBy.BeTheOne => !rules.Scoring.Meets(s.LastMainPvi100, Band.Registered),
            _ => false,
        };
    }

    public static void TakeFreeActions(PartnerState s, int quarter, RuleBook rules)
    {
        bool always = rules.Options.Behaviour.Actions.FreeActionsAlways;
        if (s.MerakiCerts > 0 && !s.MerakiRegistered
            && (always || GainOf(s, rules, x => x with { RegisteredMerakiCerts = s.MerakiCerts }) > 0))
            s.MerakiRegistered = true;
        if (s.LegacyProvider != LegacyProvider.None && !s.ProviderRegistered)
        {
            bool grantsMspm = s.Mspm == Maturity.None && s.MspmPending == Maturity.None;
            bool worthIt = always || (grantsMspm && GainOf(s, rules, x => x with { Mspm = Maturity.Basic }) > 0);
            if (worthIt)
            {
                s.ProviderRegistered = true;
                if (grantsMspm) { s.MspmPending = Maturity.Basic; s.MspmReadyQuarter = quarter + 1; }
            }
        }
    }

    /// <summary>The applicable paid action with the largest positive gain per cost, or null.</summary>
    public static ProgramAction? BestPaidAction(PartnerState s, RuleBook rules)
    {
        ProgramAction? best = null;
        long bestGain = 0, bestCost = 1;
        var now = MetricInputs.Of(s, rules.Options.Rules.BlackBeltWindowQuarters);
        // Only the metrics some action moves: a gain is theirs alone, and the rest would cost as much again.
        Span<int> idx = stackalloc int[Metrics.Count];
        foreach (var m in MovedMetrics) idx[(int)m] = PviScorer.Index(rules.Scoring, m, now);
        foreach (var action in PaidActions)
        {
            if (!Applicable(s, action)) continue;
            var after = now;
            Preview(ref after, s, action, rules);
            long gain = Gain10k(action, after, idx, s.MainPortfolio, rules);
            long cost = Cost(action, rules.Options.Behaviour.Actions);
            // gain/cost > bestGain/bestCost, cross-multiplied to stay exact; strict so ties keep the earlier action.
            if (gain > 0 && gain * bestCost > bestGain * cost)
            {
                best = action; bestGain = gain; bestCost = cost;
            }
        }
        return best;
    }

    /// <summary>The metrics an action moves; the PVI gain is theirs alone (no grace, so they are independent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<Metric> Moves(ProgramAction a) => a switch
    {
        ProgramAction.PreSalesAap => [Metric.Onboard, Metric.Adopt],
        ProgramAction.BlackBeltTraining => [Metric.BlackBelt],
        ProgramAction.CareerCertifications => [Metric.Career],
        ProgramAction.ValidateCspmBasic or ProgramAction.CspmIntermediate or ProgramAction.CspmExpert => [Metric.Cspm],
        _ => [Metric.Mspm],
    };

    private static long Gain10k(ProgramAction a, in MetricInputs after, ReadOnlySpan<int> idxNow, Portfolio p, RuleBook rules)
    {
        long gain = 0;
        foreach (var m in Moves(a))
            gain += (long)(PviScorer.Index(rules.Scoring, m, after) - idxNow[(int)m]) * rules.Scoring.Coefficient(p, m);
        return gain;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Applicable(PartnerState s, ProgramAction a) => a switch
    {
        ProgramAction.ValidateCspmBasic => s.CspmPending == Maturity.None && s.Cspm == Maturity.None,
        ProgramAction.ValidateMspmBasic => s.MspmPending == Maturity.None && s.Mspm == Maturity.None,
        ProgramAction.CspmIntermediate => s.CspmPending == Maturity.None && s.Cspm == Maturity.Basic,
        ProgramAction.MspmIntermediate => s.MspmPending == Maturity.None && s.Mspm == Maturity.Basic,
        ProgramAction.CspmExpert => s.CspmPending == Maturity.None && s.Cspm == Maturity.Intermediate,
        ProgramAction.MspmExpert => s.MspmPending == Maturity.None && s.Mspm == Maturity.Intermediate,
        _ => true,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Cost(ProgramAction a, ActionOptions o) => a switch
    {
        ProgramAction.PreSalesAap => o.AapCost,
        ProgramAction.BlackBeltTraining => o.BlackBeltCost,
        ProgramAction.CareerCertifications => o.CareerCost,
        ProgramAction.ValidateCspmBasic or ProgramAction.ValidateMspmBasic => o.BasicCost,
        ProgramAction.CspmIntermediate or ProgramAction.MspmIntermediate => o.IntermediateCost,
        _ => o.ExpertCost,
    };

    public static int BlackBeltCertificates(int employees, ActionOptions o) =>
        Math.Max(1, (int)Math.Floor(employees * o.BlackBeltPerEmployee));

    /// <summary>Black Belt half-points one training earns: its certificates are stage 1.</summary>
    private static int TrainingHalfPoints(PartnerState s, RuleBook rules) =>
        rules.Scoring.BlackBeltStageHalfPoints[0] * BlackBeltCertificates(s.Employees, rules.Options.Behaviour.Actions);

    public static int CareerCertificates(int employees, ActionOptions o) =>
        Math.Max(1, (int)Math.Floor(employees * o.CareerPerEmployee));

    /// <summary>The metric inputs once the action is complete.</summary>
    private static void Preview(ref MetricInputs x, PartnerState s, ProgramAction a, RuleBook rules)
    {
        var o = rules.Options.Behaviour.Actions;
        switch (a)
        {
            case ProgramAction.PreSalesAap:
                x.OnboardPct = Math.Min(100, x.OnboardPct + o.AapOnboardPct);
                x.AdoptPct = Math.Min(100, x.AdoptPct + o.AapAdoptPct);
                break;
            case ProgramAction.BlackBeltTraining: x.BlackBeltHalfPoints += TrainingHalfPoints(s, rules); break;
            case ProgramAction.CareerCertifications: x.CareerCerts += CareerCertificates(s.Employees, o); break;
            case ProgramAction.ValidateCspmBasic: x.Cspm = Maturity.Basic; break;
            case ProgramAction.ValidateMspmBasic: x.Mspm = Maturity.Basic; break;
            case ProgramAction.CspmIntermediate: x.Cspm = Maturity.Intermediate; break;
            case ProgramAction.MspmIntermediate: x.Mspm = Maturity.Intermediate; break;
            case ProgramAction.CspmExpert: x.Cspm = Maturity.Expert; break;
            case ProgramAction.MspmExpert: x.Mspm = Maturity.Expert; break;
        }
    }

    public static void ApplyPaid(PartnerState s, ProgramAction a, int quarter, RuleBook rules)
    {
        var o = rules.Options.Behaviour.Actions;
        switch (a)
        {
            case ProgramAction.PreSalesAap:
                s.AapPct = Math.Min(100, s.AapPct + o.AapAapPct);
                s.OnboardPct = Math.Min(100, s.OnboardPct + o.AapOnboardPct);
                s.AdoptPct = Math.Min(100, s.AdoptPct + o.AapAdoptPct);
                break;
            case ProgramAction.BlackBeltTraining:
                s.BlackBeltHalfPoints[0] += TrainingHalfPoints(s, rules);
                break;
            case ProgramAction.CareerCertifications: s.CareerCerts += CareerCertificates(s.Employees, o); break;
            case ProgramAction.ValidateCspmBasic: Start(ref s.CspmPending, ref s.CspmReadyQuarter, Maturity.Basic, quarter + o.BasicQuarters); break;
            case ProgramAction.ValidateMspmBasic: Start(ref s.MspmPending, ref s.MspmReadyQuarter, Maturity.Basic, quarter + o.BasicQuarters); break;
            case ProgramAction.CspmIntermediate: Start(ref s.CspmPending, ref s.CspmReadyQuarter, Maturity.Intermediate, quarter + o.IntermediateQuarters); break;
            case ProgramAction.MspmIntermediate: Start(ref s.MspmPending, ref s.MspmReadyQuarter, Maturity.Intermediate, quarter + o.IntermediateQuarters); break;
            case ProgramAction.CspmExpert: Start(ref s.CspmPending, ref s.CspmReadyQuarter, Maturity.Expert, quarter + o.ExpertQuarters); break;
            case ProgramAction.MspmExpert: Start(ref s.MspmPending, ref s.MspmReadyQuarter, Maturity.Expert, quarter + o.ExpertQuarters); break;
        }
    }

    /// <summary>Completes validations whose quarter has come (run at the start of each step).</summary>
    public static void CompleteValidations(PartnerState s, int quarter)
    {
        if (s.CspmPending != Maturity.None && s.CspmReadyQuarter <= quarter) { s.Cspm = s.CspmPending; s.CspmPending = Maturity.None; }
        if (s.MspmPending != Maturity.None && s.MspmReadyQuarter <= quarter) { s.Mspm = s.MspmPending; s.MspmPending = Maturity.None; }
    }

    private static void Start(ref Maturity pending, ref int readyQuarter, Maturity level, int ready)
    {
        pending = level;
        readyQuarter = ready;
    }

    private static int Pvi10k(in MetricInputs x, Portfolio p, RuleBook rules)
    {
        Span<int> idx = stackalloc int[Metrics.Count];
        PviScorer.Indexes(rules.Scoring, x, inGrace: false, idx);
        return rules.Scoring.Pvi10k(p, idx);
    }

    private static long GainOf(PartnerState s, RuleBook rules, Func<MetricInputs, MetricInputs> change)
    {
        var x = MetricInputs.Of(s, rules.Options.Rules.BlackBeltWindowQuarters);
        return Pvi10k(change(x), s.MainPortfolio, rules) - Pvi10k(x, s.MainPortfolio, rules);
    }
}
