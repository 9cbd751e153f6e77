using PartnerSim.Inputs;
using PartnerSim.Inputs.Scenarios;
using PartnerSim.Model.Options;
using PartnerSim.Runs;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Scenarios;

/// <summary>
/// A run asking for more than partners × quarters ≤ run.maxPartnerQuarters (default 10⁹) is refused before it
/// starts, whether the size comes from the scenario file, the command line or a roster; the message names the
/// limit and the key that raises it.
/// </summary>
[Collection("Console")]
public sealed class WorkLimitTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private ScenarioOptions Load(string yaml) => ScenarioLoader.LoadText(yaml, _tmp.File("w.yaml"));

    [Fact]
    public void AtTheLimit_Loads()
    {
        var o = Load("run:\n  quarters: 400\npopulation:\n  partners: 2500000\n"); // 2,500,000 × 400 = 10⁹ exactly
        Assert.Equal(1_000_000_000L, (long)o.Population.Partners * o.Run.Quarters);
    }

    [Fact]
    public void OnePartnerQuarterPast_IsRefused_AtTheQuartersLine_NamingTheKey()
    {
        var errors = Assert.Throws<ScenarioException>(() => Load("run:\n  quarters: 400\npopulation:\n  partners: 2500001\n")).Errors;
        var e = Assert.Single(errors);
        Assert.Equal("run.maxPartnerQuarters", e.KeyPath);
        Assert.Equal((2, 3), (e.Line, e.Column)); // run.maxPartnerQuarters is not written: the quarters that went past it are
        Assert.Equal("2,500,001 partners x 400 quarters = 1,000,000,400 partner-quarters is more than the work limit "
                     + "run.maxPartnerQuarters = 1,000,000,000; simulate fewer partners or quarters, or raise "
                     + "run.maxPartnerQuarters (at most 4,000,000,000)", e.Message);
    }

    [Fact]
    public void RaisingTheLimit_AllowsTheLargestRun()
    {
        var o = Load("run:\n  quarters: 400\n  maxPartnerQuarters: 4000000000\npopulation:\n  partners: 10000000\n");
        Assert.Equal(4_000_000_000L, o.Run.MaxPartnerQuarters);
    }

    [Fact]
    public void LoweringTheLimit_IsLocatedAtTheLimit()
    {
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => Load("run:\n  quarters: 12\n  maxPartnerQuarters: 119999\n")).Errors);
        Assert.Equal(("run.maxPartnerQuarters", 3), (e.KeyPath, e.Line));
        Assert.StartsWith("10,000 partners x 12 quarters = 120,000 partner-quarters is more than the work limit run.maxPartnerQuarters = 119,999;", e.Message);
    }

    [Fact]
    public void CommandLineOverrides_GoThroughTheSameChecks()
    {
        var both = Assert.Throws<BadInputException>(() => ScenarioInput.From(ScenarioOptions.Default, 10_000_000, 400, null, false));
        Assert.StartsWith("--partners x --quarters: 10,000,000 partners x 400 quarters = 4,000,000,000 partner-quarters", both.Message);
        Assert.Contains("raise run.maxPartnerQuarters", both.Message);

        var quarters = Assert.Throws<BadInputException>(() => ScenarioInput.From(ScenarioOptions.Default, null, 1_000_000_000, null, false));
        Assert.Equal("--quarters: must be between 1 and 400 (got 1000000000)", quarters.Message);

        var partners = Assert.Throws<BadInputException>(() => ScenarioInput.From(ScenarioOptions.Default, 10_000_001, null, null, false));
        Assert.Equal("--partners: must be between 1 and 10000000 (got 10000001)", partners.Message);

        var raised = ScenarioOptions.Default with { Run = ScenarioOptions.Default.Run with { MaxPartnerQuarters = 4_000_000_000 } };
        Assert.Equal(10_000_000, ScenarioInput.From(raised, 10_000_000, 400, null, false).Options.Population.Partners);
    }

    [Fact]
    public async Task Cli_ABillionQuarters_ExitsWith2_NamingTheFlag()
    {
        var outDir = _tmp.File("never");
        var r = await CliRunner.Run("run", RepoPaths.Scenario("cisco360-launch.yaml"), "--quarters", "1000000000", "--quiet", "--out", outDir);
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("error: --quarters: must be between 1 and 400 (got 1000000000)", r.Err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Roster_PastTheLimit_IsRefused_NamingTheRoster()
    {
        File.Copy(RepoPaths.Scenario("tale-of-two-partners.csv"), _tmp.File("two.csv")); // two partners
        var over = _tmp.Write("over.yaml", "run:\n  quarters: 3\n  maxPartnerQuarters: 5\npopulation:\n  roster: two.csv\n");
        var e = Assert.Throws<BadInputException>(() => ScenarioInput.Load(over));
        Assert.StartsWith(_tmp.File("two.csv") + ": 2 partners x 3 quarters = 6 partner-quarters is more than the work limit run.maxPartnerQuarters = 5;", e.Message);

        var within = _tmp.Write("within.yaml", "run:\n  quarters: 2\n  maxPartnerQuarters: 5\npopulation:\n  roster: two.csv\n");
        Assert.Equal(2, ScenarioInput.Load(within).Roster!.Count);
    }
}
