using PartnerSim.Inputs.Csv;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Inputs.Rosters;

/// <summary>
/// The input of <c>partnersim evaluate</c>: one row of metric values per partner and portfolio, scored as it
/// stands. Meraki certs count as registered.
/// </summary>
public static class EvaluationRoster
{
    public static readonly string[] Required =
    [
        "partner_id", "portfolio", "size", "cspm", "mspm", "black_belt_points", "career_certs", "meraki_certs",
        "acv_growth_pct", "tcv_growth_pct", "buying_program_pct", "ai_bookings_pct", "premium_services_pct",
        "onboard_pct", "adopt_pct", "otrr_pct", "powered_services", "in_grace",
    ];

    public static IEnumerable<ScoredRow> Score(CsvRows r, ScoringRules rules)
    {
        r.Require(Required);
        while (r.Next())
        {
            long id = r.Id("partner_id");
            var portfolio = r.Choice<Portfolio>("portfolio");
            var x = new MetricInputs
            {
                Size = r.Choice<PartnerSize>("size"),
                Cspm = r.Choice<Maturity>("cspm"),
                Mspm = r.Choice<Maturity>("mspm"),
                BlackBeltHalfPoints = (int)Math.Round(2 * r.Number("black_belt_points", 0, RosterReader.MaxCount)),
                CareerCerts = r.Integer("career_certs", 0, RosterReader.MaxCount),
                RegisteredMerakiCerts = r.Integer("meraki_certs", 0, RosterReader.MaxCount),
                AcvGrowthPct = r.Number("acv_growth_pct"),
                TcvGrowthPct = r.Number("tcv_growth_pct"),
                BuyingProgramPct = r.Number("buying_program_pct", 0, 100),
                AiBookingsPct = r.Number("ai_bookings_pct", 0, 100),
                PremiumServicesPct = r.Number("premium_services_pct", 0, 100),
                OnboardPct = r.Number("onboard_pct", 0, 100),
                AdoptPct = r.Number("adopt_pct", 0, 100),
                OtrrPct = r.Number("otrr_pct", 0, 100),
                PoweredServices = r.Integer("powered_services", 0, RosterReader.MaxCount),
            };
            yield return StaticEvaluation.Score(id, portfolio, x, r.Flag("in_grace"), rules);
        }
    }
}
