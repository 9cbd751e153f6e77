using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Figures;

/// <summary>
/// Every figure a quarter reduces, declared once (name as in summary.json, unit, description, reduction). Every
/// figure counts the partners active during the quarter (those that began it) unless it says otherwise; "main"
/// means each partner's main portfolio (its largest share of bookings). Adding a figure here adds it to the cohort
/// reduction, summary.json, the quarter and segment tables and the report.
/// </summary>
public static class QuarterFigures
{
    public static readonly FigureSet Set = new();

    private static readonly string[] BandNames = Enum.GetValues<Band>().Select(b => Names.Camel(b.ToString())).ToArray();
    private static readonly string[] TierNames = Enum.GetValues<LegacyTier>().Select(t => Names.Camel(t.ToString())).ToArray();

    /// <summary>PVI histogram buckets of 0.1: [0.0, 0.1), …, [9.9, 10.0), and 10.0 alone.</summary>
    public const int PviBuckets = 101;
    private static readonly string[] PviBucketNames = Enumerable.Range(0, PviBuckets).Select(b => (b / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // ---- the whole population ----

    public static readonly PopulationFigure Active = Set.Count("active",
        "partners active during the quarter (they began it; every other figure counts these unless it says otherwise)", o => true);
    public static readonly PopulationFigure ActiveAtEnd = Set.Count("activeAtEnd",
        "partners still active at the end of the quarter (active minus left)", o => o.Active, everyone: true);
    public static readonly PopulationFigure Left = Set.Count("left",
        "partners that left for another vendor at the end of the quarter", o => o.Left);
    public static readonly PopulationFigure Aware = Set.Count("aware",
        "partners that have got the memo", o => o.Aware);
    public static readonly PopulationFigure Bands = Set.Keyed("bands",
        "partners by the effective band of their main portfolio", BandNames, o => (int)o.MainBand);
    public static readonly PopulationFigure RawBands = Set.Keyed("rawBands",
        "partners by the raw band of their main portfolio (without the high-water mark)", BandNames, o => (int)o.MainRawBand);
    public static readonly PopulationFigure PartnerPlus = Set.Count("partnerPlus",
        "partners whose main portfolio's effective band is partner or better (they earn CPI there)", o => o.MainBand >= Band.Partner);
    public static readonly PopulationFigure CpiEarned = Set.Sum("cpiRebateUsd", FigureUnit.Usd,
        "Cisco 360 CPI rebate earned in the quarter", o => o.CpiEarnedCents);
    public static readonly PopulationFigure LegacyEarned = Set.Sum("legacyRebateUsd", FigureUnit.Usd,
        "legacy rebate the same deals would have earned (the counterfactual)", o => o.LegacyEarnedCents);
    public static readonly PopulationFigure Shortfall = Set.Sum("shortfallUsd", FigureUnit.Usd,
        "legacy counterfactual minus CPI earned, from launch on (positive: partners lose)", o => o.ShortfallCents);
    public static readonly PopulationFigure CpiPaid = Set.Sum("cpiPaidUsd", FigureUnit.Usd,
        "CPI paid in the quarter (earned a quarter before), to every partner owed, including those who left", o => o.CpiPaidCents,
        everyone: true);
    public static readonly PopulationFigure LegacyPaid = Set.Sum("legacyPaidUsd", FigureUnit.Usd,
        "legacy rebate paid in the quarter, to every partner owed, including those who left", o => o.LegacyPaidCents, everyone: true);
    public static readonly PopulationFigure Discount = Set.Sum("dealRegDiscountUsd", FigureUnit.Usd,
        "front-end deal-registration discount (margin, apart from rebates)", o => o.DiscountCents);
    public static readonly PopulationFigure Bookings = Set.Sum("bookingsUsd", FigureUnit.Usd,
        "bookings of the quarter's deals", o => o.BookingsCents);
    public static readonly PopulationFigure Deals = Set.Sum("deals", FigureUnit.Deals, "deals booked", o => o.Deals);
    public static readonly PopulationFigure Losing = Set.Count("losing",
        "partners losing CPI eligibility: legacy would pay, CPI earned nothing (from launch on)", o => o.Losing);
    public static readonly PopulationFigure MissedPayments = Set.Count("missedPayments",
        "partners paid no CPI where legacy would have paid for the same earning quarter, including those who left",
        o => o.MissedPayment, everyone: true);
    public static readonly PopulationFigure Migration = Set.Table("migration",
        "partners by legacy tier and the effective band of their main portfolio", TierNames, o => (int)o.Tier,
        BandNames, o => (int)o.MainBand);
    public static readonly PopulationFigure BandsByPortfolio = Set.PerPortfolio("bandsByPortfolio",
        "partners by the effective band of each portfolio", BandNames, (o, p) => (int)o.BandOf(p));
    public static readonly PopulationFigure PviHistogram = Set.Keyed("pviHistogram",
        "partners by main-portfolio PVI in buckets of 0.1 (bucket k holds PVI in [k/10, (k+1)/10); the last holds 10.0)",
        PviBucketNames, o => Math.Clamp(o.MainPvi100 / 10, 0, PviBuckets - 1), histogram: true);
    public static readonly PopulationFigure PviHistogramByPortfolio = Set.PerPortfolio("pviHistogramByPortfolio",
        "partners by each portfolio's PVI in buckets of 0.1", PviBucketNames,
        (o, p) => Math.Clamp(o.PviOf(p) / 10, 0, PviBuckets - 1), histogram: true);

    // ---- every segment (legacy tier × size × programme × archetype, and any union of them) ----

    public static readonly SegmentFigure Partners = Set.SegmentCount("partners", "partners in the segment", o => true);
    public static readonly SegmentFigure SegmentLosing = Set.SegmentCount("losing",
        "partners losing CPI eligibility (legacy would pay, CPI earned nothing)", o => o.Losing);
    public static readonly SegmentFigure Winners = Set.SegmentCount("winners",
        "partners whose CPI earned exceeds their legacy counterfactual (from launch on)", o => o.ShortfallCents < 0);
    public static readonly SegmentFigure SegmentLeft = Set.SegmentCount("left", "partners that left for another vendor", o => o.Left);
    public static readonly SegmentFigure SegmentAware = Set.SegmentCount("aware", "partners that have got the memo", o => o.Aware);
    public static readonly SegmentFigure SegmentCpi = Set.SegmentQuantity("cpiRebateUsd", FigureUnit.Usd,
        "CPI earned", o => o.CpiEarnedCents, SketchMapping.RelativeOnePercent, 0.1, 0.5, 0.9);
    public static readonly SegmentFigure SegmentLegacy = Set.SegmentQuantity("legacyRebateUsd", FigureUnit.Usd,
        "legacy counterfactual", o => o.LegacyEarnedCents, SketchMapping.RelativeOnePercent, 0.1, 0.5, 0.9);
    public static readonly SegmentFigure SegmentShortfall = Set.SegmentQuantity("shortfallUsd", FigureUnit.Usd,
        "legacy counterfactual minus CPI earned (positive: the partner loses)", o => o.ShortfallCents, SketchMapping.RelativeOnePercent, 0.1, 0.5, 0.9);
    public static readonly SegmentFigure LosingShortfall = Set.SegmentDistribution("losingShortfallUsd", FigureUnit.Usd,
        "shortfall of the partners losing CPI eligibility: the rebate they stop receiving", o => o.ShortfallCents, o => o.Losing,
        SketchMapping.Relative, (0.5, "medianShortfallUsd"), (0.9, "p90LosingShortfallUsd"));
    public static readonly SegmentFigure Pvi = Set.SegmentQuantity("pvi", FigureUnit.Pvi,
        "main-portfolio PVI (grace included)", o => o.MainPvi100, SketchMapping.Exact, 0.1, 0.5, 0.9);
}
