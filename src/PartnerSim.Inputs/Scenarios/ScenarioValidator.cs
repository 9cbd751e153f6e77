using System.Globalization;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Time;

namespace PartnerSim.Inputs.Scenarios;

/// <summary>
/// Range and consistency checks on bound options. Key paths are dotted camelCase property names
/// (<c>behaviour.pAct.waiting</c>, <c>population.managed[0].share</c>), as in a scenario file.
/// </summary>
public static class ScenarioValidator
{
    private const string Thresholds = "rules.registeredThreshold|rules.partnerThreshold|rules.preferredThreshold";
    private const string TopShares = "population.topPartnersShare|population.topBookingsShare";

    public static IEnumerable<(string keyPath, string message)> Validate(ScenarioOptions o)
    {
        var errors = new List<(string, string)>();
        void Check(bool ok, string path, string message) { if (!ok) errors.Add((path, message)); }
        void Probability(string path, double v) => Check(v is >= 0 and <= 1, path, $"must be a probability between 0 and 1 (got {F(v)})");
        void NonNegative(string path, double v) => Check(v >= 0, path, $"must be >= 0 (got {F(v)})");
        void Between(string path, double v, double lo, double hi) => Check(v >= lo && v <= hi, path, $"must be between {F(lo)} and {F(hi)} (got {F(v)})");
        void Each<T>(string path, object rec, Action<string, T> check)
        {
            foreach (var (name, value) in Leaves<T>(rec)) check($"{path}.{name}", value);
        }

        // run
        var r = o.Run;
        Check(FiscalQuarter.TryParse(r.Start, out _), "run.start", $"'{r.Start}' is not a fiscal quarter like FY26Q1");
        Check(FiscalQuarter.TryParse(r.Launch, out _), "run.launch", $"'{r.Launch}' is not a fiscal quarter like FY26Q3");
        Check(r.Quarters >= 1, "run.quarters", $"must be >= 1 (got {r.Quarters})");

        // rules
        var s = o.Rules;
        foreach (var (p, w) in Leaves<PortfolioWeights>(s.Weights)) CheckWeights($"rules.weights.{p}", w, errors);
        Check(0 <= s.RegisteredThreshold && s.RegisteredThreshold <= s.PartnerThreshold
              && s.PartnerThreshold <= s.PreferredThreshold && s.PreferredThreshold <= 10,
            "rules.partnerThreshold",
            $"thresholds out of order: need 0 <= registeredThreshold ({F(s.RegisteredThreshold)}) <= partnerThreshold "
            + $"({F(s.PartnerThreshold)}) <= preferredThreshold ({F(s.PreferredThreshold)}) <= 10");
        Between("rules.cspmBasicIndex", s.CspmBasicIndex, 0, 10);
        Between("rules.mspmBasicIndex", s.MspmBasicIndex, 0, 10);
        Between("rules.intermediateIndex", s.IntermediateIndex, 0, 10);
        Between("rules.expertIndex", s.ExpertIndex, 0, 10);
        Check(s.Grace.Quarters >= 0, "rules.grace.quarters", $"must be >= 0 (got {s.Grace.Quarters})");
        Check(s.ProtectQuarters >= 0, "rules.protectQuarters", $"must be >= 0 (got {s.ProtectQuarters})");
        Between("rules.blackBeltWindowQuarters", s.BlackBeltWindowQuarters, 1, 16);
        Each<int>("rules.blackBeltTarget", s.BlackBeltTarget, (p, v) => Check(v >= 1, p, $"must be >= 1 (got {v})"));
        Each<int>("rules.careerTarget", s.CareerTarget, (p, v) => Check(v >= 1, p, $"must be >= 1 (got {v})"));
        var b = s.SizeBoundariesUsd;
        Check(0 < b.M && b.M < b.L && b.L < b.XL, "rules.sizeBoundariesUsd",
            $"size boundaries must increase: 0 < m ({F(b.M)}) < l ({F(b.L)}) < xl ({F(b.XL)})");

        // money
        var m = o.Money;
        Each<double>("money.dealSizeUsd", m.DealSizeUsd, (p, v) => Between(p, v, 100, 1e9));
        Between("money.dealValueSigma", m.DealValueSigma, 0, 5);
        Check(m.MaxDealsPerQuarter >= 1, "money.maxDealsPerQuarter", $"must be >= 1 (got {m.MaxDealsPerQuarter})");
        Probability("money.dealRegRate", m.DealRegRate);
        Each<double>("money.landRatePct", m.LandRatePct, NonNegative);
        NonNegative("money.adoptStandardPct", m.AdoptStandardPct);
        NonNegative("money.adoptAdvancedPct", m.AdoptAdvancedPct);
        NonNegative("money.preferredMultiplier", m.PreferredMultiplier);
        NonNegative("money.dealRegDiscountPct", m.DealRegDiscountPct);
        Each<double>("money.legacyRatePct", m.LegacyRatePct, NonNegative);
        NonNegative("money.vipMinBookingsUsd", m.VipMinBookingsUsd);
        NonNegative("money.providerRebatePct", m.ProviderRebatePct);
        Between("money.paymentLagQuarters", m.PaymentLagQuarters, 0, 8);

        // behaviour
        var h = o.Behaviour;
        Probability("behaviour.pAware", h.PAware);
        Probability("behaviour.pAwareAfterLoss", h.PAwareAfterLoss);
        Each<double>("behaviour.pAct", h.PAct, Probability);
        Probability("behaviour.pLeave", h.PLeave);
        Check(h.LeaveAfterQuarters >= 0, "behaviour.leaveAfterQuarters", $"must be >= 0 (got {h.LeaveAfterQuarters})");
        Between("behaviour.quarterNoiseSigma", h.QuarterNoiseSigma, 0, 2);
        Between("behaviour.growthMetricNoisePoints", h.GrowthMetricNoisePoints, 0, 100);
        foreach (var (name, value) in Leaves<int>(h.Actions)) NonNegative($"behaviour.actions.{name}", value);
        foreach (var (name, value) in Leaves<double>(h.Actions)) NonNegative($"behaviour.actions.{name}", value);

        // population
        var q = o.Population;
        if (string.IsNullOrEmpty(q.Roster))
            Check(q.Partners >= 1, "population.partners", $"must be >= 1 (got {q.Partners})");
        Between("population.medianBookingsUsd", q.MedianBookingsUsd, 1, 1e10);
        Between("population.growthPct.mean", q.GrowthPct.Mean, -100, 1000);
        Check(q.GrowthPct.Sd <= 1000, "population.growthPct.sd", $"must be <= 1000 (got {F(q.GrowthPct.Sd)})");
        Check(q.TopPartnersShare is > 0 and < 1, "population.topPartnersShare", $"must be strictly between 0 and 1 (got {F(q.TopPartnersShare)})");
        Check(q.TopBookingsShare is > 0 and < 1, "population.topBookingsShare", $"must be strictly between 0 and 1 (got {F(q.TopBookingsShare)})");
        if (q.TopPartnersShare is > 0 and < 1 && q.TopBookingsShare is > 0 and < 1)
            Check(q.TopBookingsShare > q.TopPartnersShare, "population.topBookingsShare",
                $"topBookingsShare ({F(q.TopBookingsShare)}) must exceed topPartnersShare ({F(q.TopPartnersShare)})");
        NonNegative("population.growthPct.sd", q.GrowthPct.Sd);
        Each<double>("population.tierShare", q.TierShare, Probability);
        var tierSum = q.TierShare.ToArray().Sum();
        Check(tierSum <= 1 + 1e-9, "population.tierShare", $"tier shares sum to {F(tierSum)}, more than 1");
        Each<double>("population.providerShare", q.ProviderShare, Probability);
        Each<double>("population.fatMiddleArchetypes", q.FatMiddleArchetypes, Probability);
        Each<double>("population.otherArchetypes", q.OtherArchetypes, Probability);
        Each<double>("population.portfolioBase", q.PortfolioBase, NonNegative);
        foreach (var (tier, ms) in Leaves<MeanSd>(q.Engagement))
            NonNegative($"population.engagement.{tier}.sd", ms.Sd);
        foreach (var (size, range) in Leaves<IntRange>(q.Employees))
            Check(1 <= range.Min && range.Min <= range.Max, $"population.employees.{size}",
                $"need 1 <= min ({range.Min}) <= max ({range.Max})");
        for (int i = 0; i < q.Managed.Count; i++)
            Probability($"population.managed[{i}].share", q.Managed[i].Share);

        return errors;
    }

    /// <summary>Other key paths checked together with <paramref name="keyPath"/> (to locate a consistency error in a file).</summary>
    internal static IEnumerable<string> RelatedKeys(string keyPath)
    {
        foreach (var group in new[] { Thresholds, TopShares })
        {
            var keys = group.Split('|');
            if (keys.Contains(keyPath)) return keys.Where(k => k != keyPath);
        }
        return [];
    }

    private static void CheckWeights(string path, PortfolioWeights w, List<(string, string)> errors)
    {
        foreach (var (name, value) in Leaves<int>(w))
            if (value < 0) errors.Add(($"{path}.{name}", $"must be >= 0 (got {value})"));

        var categories = Enum.GetValues<Category>();
        var sum = categories.Sum(w.CategoryWeight);
        if (sum != 100)
            errors.Add((path, $"category weights ({string.Join(", ", categories.Select(c => ScenarioPaths.Camel(c.ToString())))}) sum to {sum}, not 100"));

        foreach (var c in categories)
        {
            if (w.CategoryWeight(c) <= 0) continue;
            var metrics = Metrics.AllMetrics.Where(m => Metrics.CategoryOf(m) == c).ToArray();
            var msum = metrics.Sum(w.MetricWeight);
            if (msum != 100)
                errors.Add((path, $"{ScenarioPaths.Camel(c.ToString())} metric weights "
                    + $"({string.Join(", ", metrics.Select(m => ScenarioPaths.Camel(m.ToString())))}) sum to {msum}, not 100"));
        }
    }

    /// <summary>The (camelCase name, value) pairs of a record's properties of type T.</summary>
    private static IEnumerable<(string name, T value)> Leaves<T>(object rec) =>
        ScenarioBinder.OptionProperties(rec.GetType())
            .Where(p => p.PropertyType == typeof(T))
            .Select(p => (ScenarioPaths.Camel(p.Name), (T)p.GetValue(rec)!));

    private static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
