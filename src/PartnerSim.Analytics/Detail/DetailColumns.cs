using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;

namespace PartnerSim.Analytics.Detail;

/// <summary>
/// The columns of <c>partner-quarters.parquet</c>, one row per recorded partner per quarter, declared once (the
/// writer, the README and the report read them from here). Money is in dollars (float64, exact to the cent), PVI
/// with two decimals; categories are written by name.
/// </summary>
public static class DetailColumns
{
    public static IReadOnlyList<DetailColumn> For(TierSet fatMiddle) =>
    [
        new DetailColumn<long>("partner_id", "partner id", (r, i) => r.Ids[i]),
        new DetailLabelColumn("quarter", "fiscal quarter (FY26Q3)", (r, _) => r.QuarterLabel),
        new DetailColumn<int>("quarter_index", "run quarter, 0 first", (r, _) => r.Quarter),
        new DetailLabelColumn("size", "t-shirt size from annual bookings (S, M, L, XL)", (r, i) => Labels.Size[(int)r.Outcomes[i].Size]),
        new DetailLabelColumn("legacy_tier", "legacy tier", (r, i) => Labels.Tier[(int)r.Outcomes[i].Tier]),
        new DetailLabelColumn("provider", "legacy provider designation", (r, i) => Labels.Provider[(int)r.Outcomes[i].Provider]),
        new DetailLabelColumn("archetype", "archetype", (r, i) => Labels.Archetype[(int)r.Outcomes[i].Archetype]),
        new DetailLabelColumn("managed_by", "distributor programme", (r, i) => Labels.ManagedBy[(int)r.Outcomes[i].ManagedBy]),
        new DetailColumn<bool>("fat_middle", "in the fat middle (population.fatMiddleTiers)", (r, i) => fatMiddle.Contains(r.Outcomes[i].Tier)),
        new DetailColumn<bool>("active", "active during the quarter (began it); the other figures are 0 when not", (r, i) => r.Outcomes[i].WasActive),
        new DetailColumn<bool>("aware", "has got the memo", (r, i) => r.Outcomes[i].Aware),
        .. Metrics.AllPortfolios.Select(p => new DetailColumn<double>($"pvi_{Names.Snake(Names.Camel(p.ToString()))}", $"{p} PVI (grace included)",
            (r, i) => r.Outcomes[i].PviOf((int)p) / 100.0)),
        .. Metrics.AllPortfolios.Select(p => new DetailLabelColumn($"band_{Names.Snake(Names.Camel(p.ToString()))}", $"{p} effective band",
            (r, i) => Labels.Band[(int)r.Outcomes[i].BandOf((int)p)])),
        new DetailLabelColumn("main_portfolio", "the portfolio of the largest share of bookings", (r, i) => Labels.Portfolio[(int)r.Outcomes[i].MainPortfolio]),
        new DetailColumn<double>("main_pvi", "main portfolio's PVI", (r, i) => r.Outcomes[i].MainPvi100 / 100.0),
        new DetailLabelColumn("main_band", "main portfolio's effective band", (r, i) => Labels.Band[(int)r.Outcomes[i].MainBand]),
        new DetailLabelColumn("main_raw_band", "main portfolio's raw band (no high-water mark)", (r, i) => Labels.Band[(int)r.Outcomes[i].MainRawBand]),
        new DetailColumn<int>("deals", "deals booked", (r, i) => r.Outcomes[i].Deals),
        new DetailColumn<double>("bookings_usd", "bookings of the quarter's deals", (r, i) => Usd(r.Outcomes[i].BookingsCents)),
        new DetailColumn<double>("cpi_earned_usd", "Cisco 360 CPI earned", (r, i) => Usd(r.Outcomes[i].CpiEarnedCents)),
        new DetailColumn<double>("legacy_counterfactual_usd", "legacy rebate the same deals would have earned", (r, i) => Usd(r.Outcomes[i].LegacyEarnedCents)),
        new DetailColumn<double>("shortfall_usd", "legacy counterfactual minus CPI earned, from launch on", (r, i) => Usd(r.Outcomes[i].ShortfallCents)),
        new DetailColumn<double>("cpi_paid_usd", "CPI paid in the quarter (earned a quarter before)", (r, i) => Usd(r.Outcomes[i].CpiPaidCents)),
        new DetailColumn<double>("legacy_paid_usd", "legacy rebate paid in the quarter", (r, i) => Usd(r.Outcomes[i].LegacyPaidCents)),
        new DetailColumn<double>("deal_reg_discount_usd", "front-end deal-registration discount", (r, i) => Usd(r.Outcomes[i].DiscountCents)),
        new DetailColumn<bool>("missed_payment", "paid no CPI where legacy would have paid", (r, i) => r.Outcomes[i].MissedPayment),
        new DetailColumn<bool>("losing", "lost CPI eligibility: legacy would pay, CPI earned nothing", (r, i) => r.Outcomes[i].Losing),
        new DetailColumn<bool>("left", "left for another vendor at the end of the quarter", (r, i) => r.Outcomes[i].Left),
    ];

    private static double Usd(long cents) => cents / 100.0;

    /// <summary>Each category's names, made once (a column of a million rows shares a handful of strings).</summary>
    private static class Labels
    {
        public static readonly string[] Size = Enum.GetNames<PartnerSize>();
        public static readonly string[] Tier = Enum.GetNames<LegacyTier>();
        public static readonly string[] Provider = Enum.GetNames<LegacyProvider>();
        public static readonly string[] Archetype = Enum.GetNames<Archetype>();
        public static readonly string[] ManagedBy = Enum.GetNames<ManagedBy>();
        public static readonly string[] Portfolio = Enum.GetNames<Portfolio>();
        public static readonly string[] Band = Enum.GetNames<Band>().Select(Names.Camel).ToArray();
    }
}
