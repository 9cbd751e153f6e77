using System.Text.Json;
using PartnerSim.Analytics.Reports;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;

namespace PartnerSim.Tests.Faults;

/// <summary>summary.json's faults section: written for a run that has one, with the stages named and summed.</summary>
public sealed class FaultsSummaryTests
{
    [Fact]
    public void Faults_NameStages_AndSumThem()
    {
        var options = new ScenarioOptions
        {
            Run = new RunOptions { Name = "faults", Seed = 3, Quarters = 4, Start = "FY26Q1" },
            Population = new PopulationOptions { Partners = 200 },
        };
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        var result = EngineLoop.Run(rules, new GeneratedPartners(generator, generator.ComputeTierCuts()), 0);
        var plain = new RunReport(rules, result, "inproc", 1, 0.5);
        var faulted = plain with
        {
            Faults = new RunFaults([
                new StageFaults(-1, 1, 3.0, 2.0, null, ["root: TimeoutException: late"]),
                new StageFaults(2, 3, 12.5, 8.25, 10.5, ["subtree 1: a", "subtree 2: b", "subtree 1: c"]),
                new StageFaults(4, 1, 1.0, 0.5, null, ["root: d"]),
            ]) { RunId = "faults-1", ResumedAtQuarter = 1 },
        };

        Assert.False(Written(plain).TryGetProperty("faults", out _));
        var f = Written(faulted).GetProperty("faults");
        Assert.Equal("faults-1", f.GetProperty("runId").GetString());
        Assert.Equal("FY26Q2", f.GetProperty("resumedAt").GetString());
        Assert.Equal(5, f.GetProperty("retries").GetInt32());
        Assert.Equal(10.75, f.GetProperty("recoverySeconds").GetDouble());
        Assert.Equal(10.5, f.GetProperty("lostSeconds").GetDouble());
        Assert.Equal(["creation", "FY26Q3", "digest"], f.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        var quarter = f.GetProperty("stages")[1];
        Assert.Equal(12.5, quarter.GetProperty("seconds").GetDouble());
        Assert.Equal(3, quarter.GetProperty("errors").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, f.GetProperty("stages")[0].GetProperty("lostSeconds").ValueKind);
    }

    private static JsonElement Written(RunReport report)
    {
        using var stream = new MemoryStream();
        SummaryJson.Write(stream, report);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }
}
