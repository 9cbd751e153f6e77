using System.Text.Json;
using PartnerSim.Analytics.Reports;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Figures;

/// <summary>
/// summary.json keeps every field it had before the figures were declared in one registry, with the same values:
/// the same partner-quarters are reduced by the registry and by a plain copy of the reduction it replaced
/// (<see cref="OldReduction"/>), and each old field is compared. One field changed meaning on purpose: <c>active</c>
/// now counts the partners active during the quarter, like every other figure (the rule book's counting rule); the
/// old end-of-quarter count is <c>activeAtEnd</c>.
/// </summary>
public class SummaryFieldsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryOldFieldHasItsOldValue(bool driveToFive)
    {
        var options = new ScenarioOptions
        {
            Population = new PopulationOptions
            {
                Partners = 3000,
                Managed = driveToFive ? [new Enrolment { Segment = Segment.FatMiddle, Program = ManagedBy.DriveToFive, Share = 0.3 }] : [],
            },
        };
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        var cuts = generator.ComputeTierCuts();
        var rng = new CounterRandom(options.Run.Seed);
        var states = Enumerable.Range(1, 3000).Select(id => generator.Create(id, cuts, rng)).ToList();
        var registry = new List<QuarterStats>();
        var old = new List<OldReduction>();
        for (int q = 0; q < rules.Quarters; q++)
        {
            var stats = new QuarterStats(q);
            var reference = new OldReduction();
            foreach (var s in states)
            {
                var o = PartnerStep.Run(s, q, rules, rng);
                stats.Add(o);
                reference.Add(o);
            }
            registry.Add(stats);
            old.Add(reference);
        }

        var report = new RunReport(rules, new RunResult(3000, registry, "digest", new RunTimings(0, 0, 0)), "test", 1, 0.9);
        using var ms = new MemoryStream();
        SummaryJson.Write(ms, report);
        using var json = JsonDocument.Parse(ms.ToArray());
        var perQuarter = json.RootElement.GetProperty("perQuarter").EnumerateArray().ToList();
        Assert.Equal(rules.Quarters, perQuarter.Count);
        for (int q = 0; q < rules.Quarters; q++)
        {
            var j = perQuarter[q];
            var r = old[q];
            Assert.Equal(r.Active, j.GetProperty("activeAtEnd").GetInt64());
            Assert.Equal(r.Scored, j.GetProperty("active").GetInt64());
            Assert.Equal(r.Left, j.GetProperty("left").GetInt64());
            Assert.Equal(r.Aware, j.GetProperty("aware").GetInt64());
            foreach (var band in Enum.GetValues<Band>())
            {
                string name = char.ToLowerInvariant(band.ToString()[0]) + band.ToString()[1..];
                Assert.Equal(r.Bands[(int)band], j.GetProperty("bands").GetProperty(name).GetInt64());
                Assert.Equal(r.RawBands[(int)band], j.GetProperty("rawBands").GetProperty(name).GetInt64());
            }
            Assert.Equal(r.CpiEarned / 100m, j.GetProperty("cpiRebateUsd").GetDecimal());
            Assert.Equal(r.LegacyEarned / 100m, j.GetProperty("legacyRebateUsd").GetDecimal());
            Assert.Equal(r.Shortfall / 100m, j.GetProperty("shortfallUsd").GetDecimal());
            Assert.Equal(r.CpiPaid / 100m, j.GetProperty("cpiPaidUsd").GetDecimal());
            Assert.Equal(r.LegacyPaid / 100m, j.GetProperty("legacyPaidUsd").GetDecimal());
            Assert.Equal(r.Discount / 100m, j.GetProperty("dealRegDiscountUsd").GetDecimal());
            Assert.Equal(r.Bookings / 100m, j.GetProperty("bookingsUsd").GetDecimal());
            Assert.Equal(r.Deals, j.GetProperty("deals").GetInt64());
            Assert.Equal(r.Losing, j.GetProperty("losing").GetInt64());
            Assert.Equal(r.MissedPayments, j.GetProperty("missedPayments").GetInt64());
            Assert.Equal(r.PviHistogram, j.GetProperty("pviHistogram").EnumerateArray().Select(e => e.GetInt64()).ToArray());
            AssertSegment(r.FatMiddle, j.GetProperty("fatMiddle"));
            AssertSegment(r.UnmanagedFatMiddle, j.GetProperty("unmanagedFatMiddle"));
            foreach (var tier in Enum.GetValues<LegacyTier>())
                AssertSegment(r.Tiers[(int)tier], j.GetProperty("tiers").GetProperty(char.ToLowerInvariant(tier.ToString()[0]) + tier.ToString()[1..]));
        }
        if (driveToFive) Assert.NotEqual(old[rules.Launch].FatMiddle.Partners, old[rules.Launch].UnmanagedFatMiddle.Partners);
    }

    private static void AssertSegment(OldSegment r, JsonElement j)
    {
        Assert.Equal(r.Partners, j.GetProperty("partners").GetInt64());
        Assert.Equal(r.Losing, j.GetProperty("losing").GetInt64());
        Assert.Equal(r.Winners, j.GetProperty("winners").GetInt64());
        Assert.Equal(r.Cpi / 100m, j.GetProperty("cpiRebateUsd").GetDecimal());
        Assert.Equal(r.Legacy / 100m, j.GetProperty("legacyRebateUsd").GetDecimal());
        Assert.Equal(r.Shortfall / 100m, j.GetProperty("shortfallUsd").GetDecimal());
        var median = j.GetProperty("medianShortfallUsd");
        Assert.Equal(r.MedianShortfallUsd, median.ValueKind == JsonValueKind.Null ? null : median.GetDecimal());
    }

    /// <summary>The reduction summary.json was written from before the registry, copied as it stood.</summary>
    private sealed class OldReduction
    {
        public long Scored, Active, Left, Aware, MissedPayments, Losing, Deals;
        public long[] Bands = new long[4], RawBands = new long[4], PviHistogram = new long[101];
        public long CpiEarned, LegacyEarned, CpiPaid, LegacyPaid, Discount, Shortfall, Bookings;
        public OldSegment[] Tiers = [new(), new(), new(), new()];
        public OldSegment FatMiddle = new(), UnmanagedFatMiddle = new();

        public void Add(in PartnerOutcome o)
        {
            if (o.Active) Active++;
            if (o.Left) Left++;
            if (o.MissedPayment) MissedPayments++;
            CpiPaid += o.CpiPaidCents;
            LegacyPaid += o.LegacyPaidCents;
            if (!o.WasActive) return;
            Scored++;
            if (o.Aware) Aware++;
            if (o.Losing) Losing++;
            Deals += o.Deals;
            Bands[(int)o.MainBand]++;
            RawBands[(int)o.MainRawBand]++;
            PviHistogram[Math.Clamp(o.MainPvi100 / 10, 0, 100)]++;
            CpiEarned += o.CpiEarnedCents;
            LegacyEarned += o.LegacyEarnedCents;
            Discount += o.DiscountCents;
            Shortfall += o.ShortfallCents;
            Bookings += o.BookingsCents;
            Tiers[(int)o.Tier].Add(o);
            if (o.Tier is LegacyTier.Select or LegacyTier.Premier)
            {
                FatMiddle.Add(o);
                if (o.ManagedBy == ManagedBy.None) UnmanagedFatMiddle.Add(o);
            }
        }
    }

    private sealed class OldSegment
    {
        public long Partners, Losing, Winners, Cpi, Legacy, Shortfall;
        private readonly List<long> _losingShortfall = [];

        public void Add(in PartnerOutcome o)
        {
            Partners++;
            Cpi += o.CpiEarnedCents;
            Legacy += o.LegacyEarnedCents;
            Shortfall += o.ShortfallCents;
            if (o.ShortfallCents < 0) Winners++;
            if (o.Losing) { Losing++; _losingShortfall.Add(o.ShortfallCents); }
        }

        /// <summary>The old sketch's median: the bucket of the lower median (rank ⌊(n−1)/2⌋), its relative midpoint, to the cent.</summary>
        public decimal? MedianShortfallUsd
        {
            get
            {
                if (_losingShortfall.Count == 0) return null;
                double gamma = 1.005 / 0.995;
                long lower = _losingShortfall.Order().ElementAt((_losingShortfall.Count - 1) / 2);
                int key = (int)Math.Ceiling(Math.Log(lower) / Math.Log(gamma));
                return Math.Round((decimal)(2 * Math.Pow(gamma, key) / (gamma + 1)) / 100m, 2);
            }
        }
    }
}
