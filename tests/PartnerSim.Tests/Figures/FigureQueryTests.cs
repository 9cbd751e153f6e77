using PartnerSim.Analytics.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Tests.Figures;

/// <summary>Run figures as queries: at a quarter, over a range, as a ratio, and undefined where they should be.</summary>
public class FigureQueryTests
{
    /// <summary>Five quarters from FY26Q1, launch FY26Q3 (index 2); in quarter q, q + 1 partners earn $q CPI and $10 legacy each.</summary>
    private static (RuleBook Rules, List<QuarterStats> Quarters, QuarterTable Table) Run(bool cisco360 = true)
    {
        var rules = new RuleBook(new ScenarioOptions { Run = new RunOptions { Quarters = 5, Cisco360 = cisco360 } });
        var quarters = new List<QuarterStats>();
        for (int q = 0; q < 5; q++)
        {
            var stats = new QuarterStats(q);
            for (int i = 0; i <= q; i++)
                stats.Add(new PartnerOutcome
                {
                    WasActive = true, Active = true, Launched = rules.IsLaunched(q), Tier = LegacyTier.Select,
                    CpiEarnedCents = q * 100, LegacyEarnedCents = 1000, Left = i == 0,
                });
            quarters.Add(stats);
        }
        return (rules, quarters, QuarterTable.For(rules));
    }

    private static decimal? Eval(string query, bool cisco360 = true)
    {
        var (rules, quarters, table) = Run(cisco360);
        return FigureQuery.Parse(query, table).Evaluate(table, rules, quarters);
    }

    [Theory]
    [InlineData("active@0", 1)]
    [InlineData("active", 5)]                               // no @: the last quarter
    [InlineData("active@end-1", 4)]
    [InlineData("cpiRebateUsd@launch", 2 * 3)]              // quarter 2: 3 partners × $2
    [InlineData("cpiRebateUsd@launch+2", 4 * 5)]
    [InlineData("cpiRebateUsd@FY26Q4", 3 * 4)]
    [InlineData("left@start..end", 5)]                      // one leaves every quarter
    [InlineData("cpiRebateUsd@launch..end", 6 + 12 + 20)]
    [InlineData("cpiRebateUsd/legacyRebateUsd@launch+1", 0.3)] // 12 / 40
    [InlineData("fatMiddle.partners+tiers.gold.partners@3", 4)]
    [InlineData("shortfallUsd@launch", 3 * 8)]              // $10 − $2 each
    [InlineData("shortfallUsd@1", 0)]                       // no shortfall before launch
    public void Values_AreTheHandWorkedOnes(string query, double expected) => Assert.Equal((decimal)expected, Eval(query));

    [Fact]
    public void OutsideTheRun_IsUndefined_AndARangeOfNothingSumsToZero()
    {
        Assert.Null(Eval("active@launch+3"));
        Assert.Null(Eval("cpiRebateUsd@launch", cisco360: false));
        Assert.Equal(0, Eval("cpiRebateUsd@launch..end", cisco360: false));
        Assert.Equal(0, Eval("cpiRebateUsd/legacyRebateUsd@0")); // CPI 0 over legacy $10 is 0 …
        Assert.Null(Eval("legacyRebateUsd/shortfallUsd@0"));    // … while anything over no shortfall is undefined
    }

    [Theory]
    [InlineData("activ@0", "no figure named 'activ'")]
    [InlineData("fatMiddle.medianShortfallUsd@launch..end", "does not add up")]
    [InlineData("cpiRebateUsd@someday", "is not a quarter")]
    [InlineData("a/b/c@0", "one '/'")]
    [InlineData("cpiRebateUsd+legacyRebateUsd/active@0", "either '+' or '/'")]
    public void BadQueries_SayWhatIsWrong(string query, string message)
    {
        var (_, _, table) = Run();
        Assert.Contains(message, Assert.Throws<FormatException>(() => FigureQuery.Parse(query, table)).Message);
    }
}
