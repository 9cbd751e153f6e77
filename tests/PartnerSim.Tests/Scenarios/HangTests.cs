using PartnerSim.Model.Population;
using PartnerSim.Inputs.Rosters;
using PartnerSim.Tests.Inputs;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Scenarios;

/// <summary>
/// Values that pass validation but are absurdly large must still end in success or exit 2, not run for ever.
/// Run as a child process (killed after the time limit) so a hang cannot take the test host with it.
/// </summary>
public sealed class HangTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30); // a 50-partner, 2-quarter run takes ~1 s; room for a loaded CI machine

    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private static (int? code, string err) RunChild(params string[] args)
    {
        var r = ChildCli.Run(Limit, null, args);
        return (r.Code, r.Err);
    }

    private void AssertFinishes(string scenario, string what)
    {
        var outDir = _tmp.File("out");
        var (code, err) = RunChild("run", scenario, "--partners", "50", "--quarters", "2", "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(code is not null, $"{what}: the run did not finish within {Limit.TotalSeconds} s (killed)");
        Assert.True(code is 0 or 2, $"{what}: exit {code}: {err}");
        if (code == 2) Assert.StartsWith("error:", err);
    }

    [Fact]
    public void Roster_HugeBookings_FinishesOrIsRefused()
    {
        var header = string.Join(',', RosterColumns.Required);
        _tmp.Write("r.csv", $"{header}\n1,1e308,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2\n");
        var scenario = _tmp.Write("s.yaml", "name: huge-bookings\npopulation:\n  roster: r.csv\n");
        AssertFinishes(scenario, "roster annual_bookings_usd 1e308");
    }

    [Fact]
    public void Scenario_TinyDealSize_FinishesOrIsRefused()
    {
        var scenario = _tmp.Write("s.yaml", "name: tiny-deals\nmoney:\n  dealSizeUsd:\n    s: 1e-300\n");
        AssertFinishes(scenario, "money.dealSizeUsd.s 1e-300");
    }
}
