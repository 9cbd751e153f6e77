using PartnerSim.Inputs.Csv;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Population;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Inputs.Rosters;

/// <summary>
/// Loads real or hand-made partners from a roster CSV instead of generating them. Columns the roster lacks
/// take the generator's draws for that partner id, so a partial roster is still a full population.
/// Black Belt points given in a roster count as earned in the quarter before the run.
/// </summary>
public static class RosterReader
{
    /// <summary>A trillion dollars a year: far above any partner, low enough that money stays finite.</summary>
    public const double MaxBookingsUsd = 1e12;

    /// <summary>Upper bound of headcounts and certificate counts: keeps every count sum inside an int.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Reads the roster; returns partners in ascending id order. The first bad row throws.</summary>
    public static List<PartnerState> Read(CsvRows rows, RuleBook rules) => Read(rows, rules, false, []);

    /// <summary>Reads the roster; returns partners in ascending id order.</summary>
    /// <param name="skipped">Bad rows passed over (only with <paramref name="skipBadRows"/>; else the first one throws).</param>
    public static List<PartnerState> Read(CsvRows rows, RuleBook rules, bool skipBadRows, List<CsvInputException> skipped)
    {
        rows.Require(RosterColumns.Required);
        var generator = new PopulationGenerator(rules);
        var rng = new CounterRandom(rules.Options.Run.Seed);
        var seen = new HashSet<long>();
        var partners = new List<PartnerState>();
        while (true)
        {
            try
            {
                if (!rows.Next()) break;
                long id = rows.Id("partner_id");
                if (seen.Contains(id)) throw rows.Error("partner_id", $"duplicate partner id {id}");
                partners.Add(ReadRow(rows, id, generator, rules, rng));
                seen.Add(id);
            }
            catch (CsvInputException bad) when (skipBadRows)
            {
                skipped.Add(bad);
            }
        }
        partners.Sort((a, b) => a.Id.CompareTo(b.Id));
        return partners;
    }

    private static PartnerState ReadRow(CsvRows r, long id, PopulationGenerator generator, RuleBook rules, CounterRandom rng)
    {
        double bookings = r.Number("annual_bookings_usd", 0, MaxBookingsUsd);
        var s = generator.Create(id, r.Choice<LegacyTier>("legacy_tier"), bookings, rng);
        s.GrowthPct = r.Number("growth_pct", -100, 1000);
        s.AcvGrowthPct = s.TcvGrowthPct = s.GrowthPct;
        s.LegacyProvider = r.Choice<LegacyProvider>("legacy_provider");
        s.Archetype = r.Choice<Archetype>("archetype");
        s.ManagedBy = r.Choice<ManagedBy>("managed_by");
        s.Employees = r.Integer("employees", 1, MaxCount);
        s.Cspm = r.Choice<Maturity>("cspm");
        s.Mspm = r.Choice<Maturity>("mspm");
        s.BlackBeltHalfPoints.Clear();
        s.BlackBeltHalfPoints[0] = (int)Math.Round(2 * r.Number("black_belt_points", 0, MaxCount));
        if (r.Has("black_belt_points_by_age")) ReadBlackBeltByAge(r, s);
        s.CareerCerts = r.Integer("career_certs", 0, MaxCount);
        s.MerakiCerts = r.Integer("meraki_certs", 0, MaxCount);
        s.BuyingProgramPct = r.Number("buying_program_pct", 0, 100);
        s.OnboardPct = r.Number("onboard_pct", 0, 100);
        s.AdoptPct = r.Number("adopt_pct", 0, 100);

        if (r.Has("meraki_registered")) s.MerakiRegistered = r.Flag("meraki_registered");
        if (r.Has("aap_pct")) s.AapPct = r.Number("aap_pct", 0, 100);
        if (r.Has("ai_bookings_pct")) s.AiBookingsPct = r.Number("ai_bookings_pct", 0, 100);
        if (r.Has("premium_services_pct")) s.PremiumServicesPct = r.Number("premium_services_pct", 0, 100);
        if (r.Has("otrr_pct")) s.OtrrPct = r.Number("otrr_pct", 0, 100);
        if (r.Has("powered_services")) s.PoweredServices = r.Integer("powered_services", 0, MaxCount);
        if (r.Has("acv_growth_pct")) s.AcvGrowthPct = r.Number("acv_growth_pct", -100, 1000);
        if (r.Has("tcv_growth_pct")) s.TcvGrowthPct = r.Number("tcv_growth_pct", -100, 1000);
        bool anyShare = false;
        foreach (var p in Metrics.AllPortfolios)
        {
            string column = "share_" + p.ToString().ToLowerInvariant();
            if (!r.Has(column)) continue;
            if (!anyShare) { s.PortfolioShare.Clear(); anyShare = true; }
            s.PortfolioShare[(int)p] = r.Number(column, 0, 1);
        }
        if (anyShare)
        {
            double sum = s.PortfolioShareTotal;
            if (sum <= 0) throw r.Error("share_networking", "portfolio shares sum to 0");
            // Shares written by `roster export` already sum to 1 up to rounding; keep them bit for bit.
            if (Math.Abs(sum - 1) > 1e-9) PopulationGenerator.NormaliseShares(s);
        }
        PartnerFactory.Complete(s, rules);
        return s;
    }

    private static void ReadBlackBeltByAge(CsvRows r, PartnerState s)
    {
        const string column = "black_belt_points_by_age";
        var text = r.Text(column);
        if (text.Length == 0) return;
        var parts = text.Split(';');
        if (parts.Length > s.BlackBeltHalfPoints.Length)
            throw r.Error(column, $"more than {s.BlackBeltHalfPoints.Length} quarters of history");
        for (int age = 0; age < parts.Length; age++)
        {
            if (!double.TryParse(parts[age], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var points)
                || points < 0 || points > MaxCount || Math.Abs(points * 2 - Math.Round(points * 2)) > 1e-9)
                throw r.Error(column, $"'{CsvRows.Shown(parts[age])}' is not a non-negative multiple of 0.5");
            s.BlackBeltHalfPoints[age] = (int)Math.Round(points * 2);
        }
    }
}
