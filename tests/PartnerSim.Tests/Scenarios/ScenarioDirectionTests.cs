using PartnerSim.Tests.Support;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using static PartnerSim.Tests.Scenarios.NamedScenarioRuns;

namespace PartnerSim.Tests.Scenarios;

/// <summary>
/// Rule book §8: every named scenario moves the figures in the direction its story predicts, compared with
/// <c>cisco360-launch</c> on the same seed (10,000 partners, 12 quarters, FY26Q1 start, FY26Q3 launch).
/// </summary>
public sealed class ScenarioDirectionTests
{
    private const int Launch = 2;                 // FY26Q3
    private static readonly int[] Grace = [2, 3]; // FY26Q3, FY26Q4
    private const int AfterGrace = 4;             // FY27Q1

    private static Run Launched => Of("cisco360-launch");

    private static string Fig(string what, long scenario, long launch) => $"{what}: scenario {scenario:N0}, launch {launch:N0}";

    [Fact]
    public void Launch_Scenario_HasTheExpectedTimeLine()
    {
        var l = Launched;
        Assert.Equal(10_000, l.Result.Partners);
        Assert.Equal(12, l.Result.PerQuarter.Count);
        Assert.Equal(Launch, l.Rules.Launch);
        Assert.Equal(Grace, Enumerable.Range(0, 12).Where(l.Rules.InGrace));
        Assert.Equal("FY26Q3", l.Rules.QuarterAt(Launch).ToString());
        Assert.Equal("FY27Q1", l.Rules.QuarterAt(AfterGrace).ToString());
        // every direction test relies on the same seed
        foreach (var name in new[] { "no-grace", "grace-basic", "drive-to-five", "legacy-only", "rule-stress-threshold-4" })
            Assert.Equal(l.Input.Options.Run.Seed, Of(name).Input.Options.Run.Seed);
    }

    [Fact]
    public void NoGrace_PaysLessCpi_AndHasFewerPartnerPlus_InTheGraceQuarters()
    {
        var n = Of("no-grace");
        Assert.Equal(0, n.Input.Options.Rules.Grace.Quarters);
        foreach (var q in Grace)
        {
            Assert.True(n.At(q).Total(QuarterFigures.CpiEarned) < Launched.At(q).Total(QuarterFigures.CpiEarned),
                Fig($"CPI earned (cents) q{q}", n.At(q).Total(QuarterFigures.CpiEarned), Launched.At(q).Total(QuarterFigures.CpiEarned)));
            Assert.True(n.PartnerPlusAt(q) < Launched.PartnerPlusAt(q),
                Fig($"partner+preferred q{q}", n.PartnerPlusAt(q), Launched.PartnerPlusAt(q)));
        }
        // paid a quarter later: the CPI paid for the grace quarters (paid in FY26Q4 and FY27Q1) is smaller too
        foreach (var q in Grace)
            Assert.True(n.At(q + 1).Total(QuarterFigures.CpiPaid) < Launched.At(q + 1).Total(QuarterFigures.CpiPaid),
                Fig($"CPI paid (cents) q{q + 1}", n.At(q + 1).Total(QuarterFigures.CpiPaid), Launched.At(q + 1).Total(QuarterFigures.CpiPaid)));
        // before launch nothing differs
        for (int q = 0; q < Launch; q++)
            Assert.Equal(Launched.At(q).ToBytes(), n.At(q).ToBytes());
    }

    /// <summary>
    /// Grace credit for a partner with no maturity, Networking (Foundational 25%, CSPM 50 / MSPM 50):
    /// half basis 25% × (5×50 + 5×50)/100 = 1.25 PVI; basic basis 25% × (4×50 + 5×50)/100 = 1.125 PVI.
    /// Basic credits less, so grace-basic can only have as many or fewer partners in partner+preferred,
    /// and fewer once any partner sits in the 0.125-wide gap under the threshold.
    /// </summary>
    [Fact]
    public void GraceBasic_CreditsLessThanHalf_SoFewerPartnerPlus_InTheGraceQuarters()
    {
        const int half = 25 * (5 * 50 + 5 * 50), basic = 25 * (4 * 50 + 5 * 50); // PVI × 10,000
        Assert.Equal(12_500, half);
        Assert.Equal(11_250, basic);
        Assert.True(basic < half);

        var g = Of("grace-basic");
        Assert.Equal(GraceBasis.Basic, g.Input.Options.Rules.Grace.Basis);
        Assert.Equal(5, g.Input.Options.Rules.MspmBasicIndex);
        long gSum = 0, lSum = 0;
        foreach (var q in Grace)
        {
            Assert.True(g.PartnerPlusAt(q) <= Launched.PartnerPlusAt(q),
                Fig($"partner+preferred q{q}", g.PartnerPlusAt(q), Launched.PartnerPlusAt(q)));
            Assert.True(g.At(q).Total(QuarterFigures.CpiEarned) <= Launched.At(q).Total(QuarterFigures.CpiEarned),
                Fig($"CPI earned q{q}", g.At(q).Total(QuarterFigures.CpiEarned), Launched.At(q).Total(QuarterFigures.CpiEarned)));
            gSum += g.PartnerPlusAt(q);
            lSum += Launched.PartnerPlusAt(q);
        }
        Assert.True(gSum < lSum, Fig("partner+preferred over the grace quarters", gSum, lSum));
        // but more than without any grace
        var n = Of("no-grace");
        foreach (var q in Grace)
            Assert.True(g.PartnerPlusAt(q) >= n.PartnerPlusAt(q), Fig($"grace-basic vs no-grace q{q}", g.PartnerPlusAt(q), n.PartnerPlusAt(q)));
    }

    [Fact]
    public void GraceCliff_PartnerPlusDrops_WhenGraceEnds()
    {
        var l = Launched;
        Assert.True(l.PartnerPlusAt(AfterGrace) < l.PartnerPlusAt(Grace[^1]),
            $"partner+preferred FY26Q4 {l.PartnerPlusAt(Grace[^1]):N0}, FY27Q1 {l.PartnerPlusAt(AfterGrace):N0}");
    }

    [Fact]
    public void DriveToFive_ShrinksTheFatMiddleShortfall_AndItsUnmanagedPart()
    {
        var d = Of("drive-to-five");
        Assert.Single(d.Input.Options.Population.Managed);
        Assert.True(d.FatMiddleShortfallAfterLaunch < Launched.FatMiddleShortfallAfterLaunch,
            Fig("fat-middle shortfall after launch (cents)", d.FatMiddleShortfallAfterLaunch, Launched.FatMiddleShortfallAfterLaunch));
        Assert.True(d.UnmanagedFatMiddleShortfallAfterLaunch < Launched.UnmanagedFatMiddleShortfallAfterLaunch,
            Fig("unmanaged fat-middle shortfall after launch (cents)", d.UnmanagedFatMiddleShortfallAfterLaunch, Launched.UnmanagedFatMiddleShortfallAfterLaunch));
        // about 30% of the fat middle is managed
        var fm = d.At(0).FatMiddle()[QuarterFigures.Partners];
        var managed = fm - d.At(0).UnmanagedFatMiddle()[QuarterFigures.Partners];
        Assert.InRange((double)managed / fm, 0.25, 0.35);
        Assert.Equal(fm, Launched.At(0).FatMiddle()[QuarterFigures.Partners]);
        Assert.Equal(Launched.At(0).UnmanagedFatMiddle()[QuarterFigures.Partners], Launched.At(0).FatMiddle()[QuarterFigures.Partners]);
    }

    /// <summary>
    /// Drive-to-five enrols 30% of the fat middle and changes nothing else: before launch (no distributor help
    /// yet) the Registered and Gold tiers, which no enrolment covers, are the very same partners doing the
    /// very same business as in the launch scenario.
    /// </summary>
    [Fact]
    public void DriveToFive_ChangesOnlyTheEnrolment_SamePartnersOutsideTheFatMiddle()
    {
        var d = Of("drive-to-five");
        for (int q = 0; q < Launch; q++)
            foreach (var tier in new[] { LegacyTier.Registered, LegacyTier.Gold })
            {
                var a = d.At(q).Tier(tier);
                var b = Launched.At(q).Tier(tier);
                Assert.True(a[QuarterFigures.Partners] == b[QuarterFigures.Partners] && a[QuarterFigures.SegmentLegacy] == b[QuarterFigures.SegmentLegacy],
                    $"q{q} {tier}: drive-to-five {a[QuarterFigures.Partners]} partners, legacy {a[QuarterFigures.SegmentLegacy]} cents; launch {b[QuarterFigures.Partners]}, {b[QuarterFigures.SegmentLegacy]}");
            }
    }

    [Fact]
    public void Threshold4_MorePartnerPlus_AtLaunch_Threshold6_Fewer()
    {
        var t4 = Of("rule-stress-threshold-4");
        var t6 = Of("rule-stress-threshold-6");
        Assert.Equal(4.0, t4.Input.Options.Rules.PartnerThreshold);
        Assert.Equal(6.0, t6.Input.Options.Rules.PartnerThreshold);
        Assert.True(t4.PartnerPlusAt(Launch) > Launched.PartnerPlusAt(Launch), Fig("threshold 4 partner+ at launch", t4.PartnerPlusAt(Launch), Launched.PartnerPlusAt(Launch)));
        Assert.True(t6.PartnerPlusAt(Launch) < Launched.PartnerPlusAt(Launch), Fig("threshold 6 partner+ at launch", t6.PartnerPlusAt(Launch), Launched.PartnerPlusAt(Launch)));
    }

    [Fact]
    public void StrictComparator_NoMorePartnerPlus_ThanLaunch()
    {
        var s = Of("rule-stress-strict-comparator");
        for (int q = 0; q < 12; q++)
            Assert.True(s.PartnerPlusAt(q) <= Launched.PartnerPlusAt(q), Fig($"strict partner+ q{q}", s.PartnerPlusAt(q), Launched.PartnerPlusAt(q)));
    }

    [Theory]
    [InlineData("rule-stress-mspm-basic-3")]
    [InlineData("rule-stress-no-meraki")]
    public void RuleStress_FewerPartnerPlus_AtLaunch_AndLargerFatMiddleShortfall(string scenario)
    {
        var s = Of(scenario);
        Assert.True(s.PartnerPlusAt(Launch) < Launched.PartnerPlusAt(Launch), Fig("partner+ at launch", s.PartnerPlusAt(Launch), Launched.PartnerPlusAt(Launch)));
        Assert.True(s.FatMiddleShortfallAfterLaunch > Launched.FatMiddleShortfallAfterLaunch,
            Fig("fat-middle shortfall after launch (cents)", s.FatMiddleShortfallAfterLaunch, Launched.FatMiddleShortfallAfterLaunch));
    }

    [Fact]
    public void LegacyOnly_NoCpi_NoShortfall_AndLegacyEqualsTheLaunchCounterfactual_BeforeLaunch()
    {
        var o = Of("legacy-only");
        Assert.False(o.Input.Options.Run.Cisco360);
        Assert.Equal(12, o.Result.PerQuarter.Count);
        foreach (var q in o.Result.PerQuarter)
        {
            Assert.Equal(0, q.Total(QuarterFigures.CpiEarned));
            Assert.Equal(0, q.Total(QuarterFigures.CpiPaid));
            Assert.Equal(0, q.Total(QuarterFigures.Shortfall));
            Assert.Equal(0, q.FatMiddle()[QuarterFigures.SegmentShortfall]);
            Assert.Equal(0, q.Total(QuarterFigures.Losing));
            Assert.True(q.Total(QuarterFigures.LegacyEarned) > 0);
        }
        for (int q = 0; q < Launch; q++)
        {
            Assert.Equal(Launched.At(q).Total(QuarterFigures.LegacyEarned), o.At(q).Total(QuarterFigures.LegacyEarned));
            Assert.Equal(Launched.At(q).Total(QuarterFigures.LegacyPaid), o.At(q).Total(QuarterFigures.LegacyPaid));
            Assert.Equal(Launched.At(q).Total(QuarterFigures.Bookings), o.At(q).Total(QuarterFigures.Bookings));
            Assert.Equal(Launched.At(q).Total(QuarterFigures.Deals), o.At(q).Total(QuarterFigures.Deals));
        }
    }
}
