using System.Globalization;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Time;

namespace PartnerSim.Inputs.Scenarios;

/// <summary>
/// Range and consistency checks on bound options. Every number is checked against its documented range
/// (<see cref="RangeAttribute"/>, declared next to the option); the checks below are those between options.
/// Key paths are dotted camelCase property names (<c>behaviour.pAct.waiting</c>, <c>population.managed[0].share</c>),
/// as in a scenario file.
/// </summary>
public static class ScenarioValidator
{
    private const string Thresholds = "rules.registeredThreshold|rules.partnerThreshold|rules.preferredThreshold";
    private const string TopShares = "population.topPartnersShare|population.topBookingsShare";
    private const string Work = "run.maxPartnerQuarters|run.quarters|population.partners";

    /// <summary>Most Black Belt certificates the generator may give one partner at the start (it draws each one's stage and age).</summary>
    public const int MaxStartingBlackBeltCertificates = 100_000;

    public static IEnumerable<(string keyPath, string message)> Validate(ScenarioOptions o)
    {
        var errors = new List<(string, string)>();
        void Check(bool ok, string path, string message) { if (!ok) errors.Add((path, message)); }
        bool roster = !string.IsNullOrEmpty(o.Population.Roster);

        foreach (var v in OptionRanges.Values(o))
        {
            if (roster && v.Path == "population.partners") continue; // the roster's rows are the partners
            if (v.Range is { } range && !range.Contains(v.Number)) errors.Add((v.Path, range.Refusal(v.Number, v.Type)));
        }

        // run
        var r = o.Run;
        Check(FiscalQuarter.TryParse(r.Start, out _), "run.start", $"'{r.Start}' is not a fiscal quarter like FY26Q1");
        Check(FiscalQuarter.TryParse(r.Launch, out _), "run.launch", $"'{r.Launch}' is not a fiscal quarter like FY26Q3");
        if (!roster)
            Check(WorkLimit.Allows(o.Population.Partners, r.Quarters, r.MaxPartnerQuarters), "run.maxPartnerQuarters",
                WorkLimit.Refusal(o.Population.Partners, r.Quarters, r.MaxPartnerQuarters));

        // rules
        var s = o.Rules;
        foreach (var (p, w) in Leaves<PortfolioWeights>(s.Weights)) CheckWeights($"rules.weights.{p}", w, errors);
        Check(0 <= s.RegisteredThreshold && s.RegisteredThreshold <= s.PartnerThreshold
              && s.PartnerThreshold <= s.PreferredThreshold && s.PreferredThreshold <= 10,
            "rules.partnerThreshold",
            $"thresholds out of order: need 0 <= registeredThreshold ({F(s.RegisteredThreshold)}) <= partnerThreshold "
            + $"({F(s.PartnerThreshold)}) <= preferredThreshold ({F(s.PreferredThreshold)}) <= 10");
        foreach (var (name, scale) in Leaves<StepScale>(s.Scales))
            Check(scale.Steps * scale.IndexPerStep <= 10, $"rules.scales.{name}",
                $"steps x indexPerStep = {scale.Steps} x {scale.IndexPerStep} = {scale.Steps * scale.IndexPerStep} is more than the top IndexAchieved, 10");
        HalfPoints("rules.merakiBlackBeltPoints", s.MerakiBlackBeltPoints);
        Each<double>("rules.blackBeltStagePoints", s.BlackBeltStagePoints, HalfPoints);
        var b = s.SizeBoundariesUsd;
        Check(0 < b.M && b.M < b.L && b.L < b.XL, "rules.sizeBoundariesUsd",
            $"size boundaries must increase: 0 < m ({F(b.M)}) < l ({F(b.L)}) < xl ({F(b.XL)})");

        // population
        var q = o.Population;
        if (q.TopPartnersShare is > 0 and < 1 && q.TopBookingsShare is > 0 and < 1)
            Check(q.TopBookingsShare > q.TopPartnersShare, "population.topBookingsShare",
                $"topBookingsShare ({F(q.TopBookingsShare)}) must exceed topPartnersShare ({F(q.TopPartnersShare)})");
        var tierSum = q.TierShare.ToArray().Sum();
        Check(tierSum <= 1 + 1e-9, "population.tierShare", $"tier shares sum to {F(tierSum)}, more than 1");
        var mixSum = q.BlackBeltStageMix.ToArray().Sum();
        Check(Math.Abs(mixSum - 1) <= 1e-9, "population.blackBeltStageMix", $"stage shares sum to {F(mixSum)}, not 1");
        foreach (var (size, range) in Leaves<IntRange>(q.Employees))
            Check(range.Min <= range.Max, $"population.employees.{size}", $"need min ({range.Min}) <= max ({range.Max})");
        var bb = q.StartingMetrics.BlackBelt;
        double mostCertificates = Math.Floor(bb.Scale * s.BlackBeltTarget.ToArray().Max() * (bb.Low + bb.Spread));
        Check(mostCertificates <= MaxStartingBlackBeltCertificates, "population.startingMetrics.blackBelt",
            $"up to {F(mostCertificates)} starting Black Belt certificates a partner (scale x the largest blackBeltTarget x (low + spread)); "
            + $"at most {MaxStartingBlackBeltCertificates} can be generated");

        return errors;

        void HalfPoints(string path, double points) =>
            Check(2 * points == Math.Round(2 * points), path, $"must be a multiple of 0.5 (Black Belt points are kept in half-points; got {F(points)})");
        void Each<T>(string path, object rec, Action<string, T> check)
        {
            foreach (var (name, value) in Leaves<T>(rec)) check($"{path}.{name}", value);
        }
    }

    /// <summary>Other key paths checked together with <paramref name="keyPath"/> (to locate a consistency error in a file).</summary>
    internal static IEnumerable<string> RelatedKeys(string keyPath)
    {
        foreach (var group in new[] { Thresholds, TopShares, Work })
        {
            var keys = group.Split('|');
            if (keys.Contains(keyPath)) return keys.Where(k => k != keyPath);
        }
        return [];
    }

    private static void CheckWeights(string path, PortfolioWeights w, List<(string, string)> errors)
    {
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
