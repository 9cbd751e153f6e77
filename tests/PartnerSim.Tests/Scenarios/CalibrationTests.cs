using PartnerSim.Tests.Support;
using PartnerSim.Model.Figures;
using System.Text.Json;
using PartnerSim.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Inputs.Rosters;
using PartnerSim.Model.Random;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Scenarios;

/// <summary>
/// Rule book §5 calibration targets on the default scenario (cisco360-launch, its seed, 10,000 partners):
/// measured here independently of the Calibration report class, then compared with summary.json.
/// </summary>
[Collection("Console")]
public sealed class CalibrationTests : IDisposable
{
    private const int Launch = 2;           // FY26Q3
    private const int MatchQuarter = 6;     // FY27Q3, the 4th quarter after launch

    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private sealed record Measured(double TopShare, long[] LosingFatMiddleShortfallCents, long CpiCents, long LegacyCents, RunResult Engine)
    {
        /// <summary>Lower median, rank floor((n − 1) / 2), in cents.</summary>
        public long MedianCents
        {
            get
            {
                var sorted = LosingFatMiddleShortfallCents.Order().ToArray();
                return sorted[(sorted.Length - 1) / 2];
            }
        }
        public double Ratio => (double)CpiCents / LegacyCents;
    }

    private static readonly Lazy<Measured> s_measured = new(Measure);

    /// <summary>Generates the population and steps every partner one by one with <see cref="PartnerStep"/>.</summary>
    private static Measured Measure()
    {
        var input = ScenarioInput.Load(RepoPaths.Scenario("cisco360-launch.yaml"));
        var rules = input.Rules;
        Assert.Equal(20260125UL, rules.Options.Run.Seed);
        Assert.Equal(10_000, rules.Options.Population.Partners);
        Assert.Equal(Launch, rules.Launch);
        Assert.Equal("FY27Q3", rules.QuarterAt(MatchQuarter).ToString());

        var generator = new PopulationGenerator(rules);
        var source = new GeneratedPartners(generator, generator.ComputeTierCuts());
        var rng = new CounterRandom(rules.Options.Run.Seed);
        var states = Enumerable.Range(0, source.Count).Select(i => source.Create(i, rng)).ToArray();

        // (1) top 22% of partners by annual bookings at run start
        var bookings = states.Select(s => s.AnnualBookingsUsd).OrderDescending().ToArray();
        int top = (int)Math.Round(0.22 * bookings.Length);
        double topShare = bookings.Take(top).Sum() / bookings.Sum();

        var losing = new List<long>();
        long cpi = 0, legacy = 0;
        for (int q = 0; q <= MatchQuarter; q++)
            foreach (var s in states)
            {
                var o = PartnerStep.Run(s, q, rules, rng);
                if (q == Launch && o.WasActive && o.Losing && (o.Tier is LegacyTier.Select or LegacyTier.Premier))
                    losing.Add(o.ShortfallCents);
                if (q == MatchQuarter) { cpi += o.CpiEarnedCents; legacy += o.LegacyEarnedCents; }
            }
        return new Measured(topShare, losing.ToArray(), cpi, legacy, EngineLoop.Run(rules, input.Source));
    }

    [Fact]
    public void Target1_Top22Percent_Book90Percent()
    {
        var m = s_measured.Value;
        Assert.InRange(m.TopShare, 0.87, 0.93);
    }

    [Fact]
    public void Target2_MedianShortfall_OfLosingFatMiddle_AtLaunch_Is50kTo70k()
    {
        var m = s_measured.Value;
        Assert.True(m.LosingFatMiddleShortfallCents.Length > 50, $"only {m.LosingFatMiddleShortfallCents.Length} losing fat-middle partners");
        Assert.All(m.LosingFatMiddleShortfallCents, c => Assert.True(c > 0));
        Assert.InRange(m.MedianCents, 5_000_000, 7_000_000);

        // the engine's sketch median is within its 0.5% relative accuracy of the exact lower median
        var launch = m.Engine.PerQuarter[Launch].FatMiddle();
        Assert.Equal(m.LosingFatMiddleShortfallCents.Length, launch[QuarterFigures.SegmentLosing]);
        var sketch = launch.Quantile(QuarterFigures.LosingShortfall, 0.5)!.Value;
        Assert.InRange(sketch, m.MedianCents * 0.995, m.MedianCents * 1.005);
    }

    [Fact]
    public void Target3_CpiPot_AtLeastMatchesLegacy_InTheFourthQuarterAfterLaunch()
    {
        var m = s_measured.Value;
        Assert.True(m.CpiCents >= m.LegacyCents, $"FY27Q3 CPI {m.CpiCents / 100m:N2} USD < legacy {m.LegacyCents / 100m:N2} USD");
        Assert.Equal(m.CpiCents, m.Engine.PerQuarter[MatchQuarter].Total(QuarterFigures.CpiEarned));
        Assert.Equal(m.LegacyCents, m.Engine.PerQuarter[MatchQuarter].Total(QuarterFigures.LegacyEarned));
    }

    [Fact]
    public async Task SummaryJson_Calibration_ReportsTheSameThreeFigures_AndMet()
    {
        var m = s_measured.Value;
        var outDir = _tmp.File("launch");
        var r = await CliRunner.Run("run", RepoPaths.Scenario("cisco360-launch.yaml"), "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = doc.RootElement;
        Assert.Equal(10_000, root.GetProperty("partners").GetInt32());
        Assert.Equal(12, root.GetProperty("quarters").GetInt32());
        Assert.Equal(m.Engine.Digest, root.GetProperty("digest").GetString());
        var c = root.GetProperty("calibration");

        var top = c.GetProperty("topBookingsShare");
        Assert.Equal(m.TopShare, top.GetProperty("value").GetDouble(), 1e-4);
        Assert.True(top.GetProperty("met").GetBoolean());
        Assert.False(string.IsNullOrEmpty(top.GetProperty("target").GetString()));

        var median = c.GetProperty("fatMiddleMedianShortfallAtLaunchUsd");
        double exactUsd = m.MedianCents / 100.0;
        Assert.InRange(median.GetProperty("value").GetDouble(), exactUsd * 0.995, exactUsd * 1.005);
        Assert.True(median.GetProperty("met").GetBoolean());
        Assert.False(string.IsNullOrEmpty(median.GetProperty("target").GetString()));

        var pot = c.GetProperty("cpiToLegacyPot");
        Assert.Equal("FY27Q3", pot.GetProperty("quarter").GetString());
        Assert.Equal(m.Ratio, pot.GetProperty("value").GetDouble(), 1e-4);
        Assert.True(pot.GetProperty("met").GetBoolean());
        Assert.False(string.IsNullOrEmpty(pot.GetProperty("target").GetString()));
    }
}
