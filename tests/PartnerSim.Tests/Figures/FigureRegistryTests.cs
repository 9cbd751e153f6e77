using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;

namespace PartnerSim.Tests.Figures;

/// <summary>
/// A registry declared in a test, over hand-made outcomes: every kind of reduction gives the value worked out by
/// hand, and the generated columns (counts, shares, sums, means, quantiles, keys) read it back.
/// </summary>
public class FigureRegistryTests
{
    private static PartnerOutcome Outcome(LegacyTier tier, long cpiCents, long legacyCents, int mainPvi100, Band band, bool launched = true,
        bool active = true, ManagedBy managed = ManagedBy.None)
    {
        var o = new PartnerOutcome
        {
            WasActive = active, Active = active, Launched = launched, CpiEarnedCents = cpiCents, LegacyEarnedCents = legacyCents,
            MainPortfolio = Portfolio.Security, CpiPaidCents = 7, Tier = tier, ManagedBy = managed,
        };
        o.MainPvi100 = mainPvi100;
        o.MainBand = band;
        o.Pvi100[(int)Portfolio.Networking] = 990;
        o.Losing = launched && legacyCents > 0 && cpiCents == 0;
        return o;
    }

    // Four active partners and one that left before the quarter:
    //   Select  cpi 0      legacy 500  pvi 4.00 registered   (losing, shortfall 500)
    //   Select  cpi 300    legacy 200  pvi 6.50 partner      (winner, shortfall −100)
    //   Premier cpi 0      legacy 900  pvi 2.50 registered   (losing, shortfall 900, managed)
    //   Gold    cpi 1000   legacy 1000 pvi 8.00 preferred    (shortfall 0)
    //   inactive Gold, paid 7 cents like everyone.
    private static readonly PartnerOutcome[] Quarter =
    [
        Outcome(LegacyTier.Select, 0, 500, 400, Band.Registered),
        Outcome(LegacyTier.Select, 300, 200, 650, Band.Partner),
        Outcome(LegacyTier.Premier, 0, 900, 250, Band.Registered, managed: ManagedBy.DriveToFive),
        Outcome(LegacyTier.Gold, 1000, 1000, 800, Band.Preferred),
        Outcome(LegacyTier.Gold, 0, 0, 0, Band.None, active: false),
    ];

    private static (FigureSet Set, QuarterStats Stats, PopulationFigure[] P, SegmentFigure[] S) Reduce(IEnumerable<PartnerOutcome> outcomes)
    {
        var set = new FigureSet();
        PopulationFigure[] p =
        [
            set.Count("active", "", o => true),
            set.Sum("cpiUsd", FigureUnit.Usd, "", o => o.CpiEarnedCents),
            set.Sum("paidUsd", FigureUnit.Usd, "", o => o.CpiPaidCents, everyone: true),
            set.Keyed("bands", "", ["none", "registered", "partner", "preferred"], o => (int)o.MainBand),
            set.Table("tierBands", "", ["registered", "select", "premier", "gold"], o => (int)o.Tier, ["none", "registered", "partner", "preferred"], o => (int)o.MainBand),
            set.PerPortfolio("over9", "", ["no", "yes"], (o, q) => o.PviOf(q) >= 900 ? 1 : 0),
        ];
        SegmentFigure[] s =
        [
            set.SegmentCount("partners", "", o => true),
            set.SegmentCount("losing", "", o => o.Losing),
            set.SegmentQuantity("shortfallUsd", FigureUnit.Usd, "", o => o.ShortfallCents, SketchMapping.Relative, 0.5),
            set.SegmentQuantity("pvi", FigureUnit.Pvi, "", o => o.MainPvi100, SketchMapping.Exact, 0.5),
            set.SegmentDistribution("losingShortfallUsd", FigureUnit.Usd, "", o => o.ShortfallCents, o => o.Losing, SketchMapping.Relative, (0.5, "medianLoss")),
        ];
        var stats = new QuarterStats(0, set);
        foreach (var o in outcomes) stats.Add(o);
        return (set, stats, p, s);
    }

    [Fact]
    public void PopulationFigures_CountSumAndKey_TheActivePartners_ButPaidCountsEveryone()
    {
        var (_, stats, p, _) = Reduce(Quarter);
        Assert.Equal(4, stats.Total(p[0]));
        Assert.Equal(1300, stats.Total(p[1]));
        Assert.Equal(5 * 7, stats.Total(p[2]));
        Assert.Equal([0L, 2, 1, 1], stats.Keyed(p[3]).ToArray());
        // tier × band: select {registered, partner}, premier {registered}, gold {preferred}
        Assert.Equal([0L, 0, 0, 0, /* select */ 0, 1, 1, 0, /* premier */ 0, 1, 0, 0, /* gold */ 0, 0, 0, 1], stats.Keyed(p[4]).ToArray());
        // networking ≥ 9.00 for all four active, the other portfolios not: per portfolio [no, yes]
        Assert.Equal([0L, 4, 4, 0, 4, 0, 4, 0, 4, 0], stats.Keyed(p[5]).ToArray());
    }

    [Fact]
    public void SegmentFigures_OfAnyUnionOfCells()
    {
        var (set, stats, _, s) = Reduce(Quarter);
        var fatMiddle = stats.Segment(c => c.Tier is LegacyTier.Select or LegacyTier.Premier);
        Assert.Equal(3, fatMiddle[s[0]]);
        Assert.Equal(2, fatMiddle[s[1]]);
        Assert.Equal(500 - 100 + 900, fatMiddle[s[2]]);
        Assert.Equal(400 + 650 + 250, fatMiddle[s[3]]);
        // lower median of {−100, 500, 900} is 500; of PVIs {2.50, 4.00, 6.50} exactly 4.00; of the losses {500, 900}, 500
        Assert.InRange(fatMiddle.Quantile(s[2], 0.5)!.Value, 500 * 0.995, 500 * 1.005);
        Assert.Equal(400, fatMiddle.Quantile(s[3], 0.5));
        Assert.InRange(fatMiddle.Quantile(s[4], 0.5)!.Value, 500 * 0.995, 500 * 1.005);
        var unmanaged = stats.Segment(c => c.Tier is LegacyTier.Select or LegacyTier.Premier && c.ManagedBy == ManagedBy.None);
        Assert.Equal(2, unmanaged[s[0]]);

        var columns = FigureColumns.Segment(set).ToDictionary(c => c.Name);
        Assert.Equal(["partners", "losing", "shareLosing", "shortfallUsd", "meanShortfallUsd", "p50ShortfallUsd", "meanPvi", "p50Pvi", "medianLoss"],
            columns.Keys);
        Assert.Equal(3m, columns["partners"].Read(fatMiddle));
        Assert.Equal(0.6667m, columns["shareLosing"].Read(fatMiddle));
        Assert.Equal(13m, columns["shortfallUsd"].Read(fatMiddle));
        Assert.Equal(4.33m, columns["meanShortfallUsd"].Read(fatMiddle));
        Assert.Equal(4.33m, columns["meanPvi"].Read(fatMiddle));
        Assert.Equal(4.00m, columns["p50Pvi"].Read(fatMiddle));
        var none = stats.Segment(c => c.Tier == LegacyTier.Registered);
        Assert.Null(columns["meanPvi"].Read(none));
        Assert.Null(columns["medianLoss"].Read(none));
    }

    [Fact]
    public void ARegistry_RefusesAFigureDeclaredTwice_AndDeclarationsAfterUse()
    {
        var set = new FigureSet();
        set.Count("a", "", o => true);
        Assert.Throws<ArgumentException>(() => set.Count("a", "", o => o.Left));
        set.SegmentCount("a", "", o => true); // another kind: written under a segment's name
        new QuarterStats(0, set).Add(Quarter[0]);
        Assert.Throws<InvalidOperationException>(() => set.Count("b", "", o => true));
    }

    [Fact]
    public void AnyGroupingOfThePartners_ReducesToTheSameBytes()
    {
        var outcomes = Enumerable.Range(0, 60).SelectMany(_ => Quarter).Select((o, i) =>
        {
            o.LegacyEarnedCents += i * 37; // spread the sketches over many buckets (sparse and dense stores)
            return o;
        }).ToArray();
        var whole = new QuarterStats(3);
        foreach (var o in outcomes) whole.Add(o);
        foreach (int parts in new[] { 2, 7, 31 })
        {
            var pieces = outcomes.Select((o, i) => (o, i)).GroupBy(x => x.i * 7919 % parts).Select(g =>
            {
                var s = new QuarterStats(3);
                foreach (var (o, _) in g) s.Add(o);
                return QuarterStats.FromBytes(s.ToBytes()); // as a remote cohort hands it over
            }).ToList();
            var merged = new QuarterStats(3);
            foreach (var piece in Enumerable.Reverse(pieces)) merged.Merge(piece);
            Assert.Equal(whole.ToBytes(), merged.ToBytes());
        }
    }
}
