using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerSim.Runs.Chaos;

namespace PartnerSim.Tests.Faults;

/// <summary>What the drill and the fault tests compare: digest, headline and every quarter, and nothing else.</summary>
public sealed class SummaryComparisonTests
{
    private const string Summary = """
        { "engine": "inproc", "elapsedSeconds": 1.5, "digest": "ab", "headline": { "left": 3 },
          "perQuarter": [ { "quarter": "FY26Q1", "left": 1 }, { "quarter": "FY26Q2", "left": 2 } ] }
        """;

    private static JsonDocument With(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Summary)!;
        change(node);
        return JsonDocument.Parse(node.ToJsonString());
    }

    [Fact]
    public void Timing_EngineAndFaults_AreNotCompared()
    {
        using var expected = JsonDocument.Parse(Summary);
        using var actual = With(n => { n["engine"] = "grains"; n["elapsedSeconds"] = 99; n["faults"] = new JsonObject { ["retries"] = 4 }; });
        Assert.Empty(SummaryComparison.Differences(expected, actual));
    }

    [Fact]
    public void A_Quarter_TheHeadline_OrTheDigest_AreNamed()
    {
        using var expected = JsonDocument.Parse(Summary);
        using var quarter = With(n => n["perQuarter"]![1]!["left"] = 3);
        Assert.Equal(["perQuarter[1]"], SummaryComparison.Differences(expected, quarter));
        using var headlineAndDigest = With(n => { n["headline"]!["left"] = 4; n["digest"] = "cd"; });
        Assert.Equal(["digest", "headline"], SummaryComparison.Differences(expected, headlineAndDigest));
        using var shorter = With(n => n["perQuarter"]!.AsArray().RemoveAt(1));
        Assert.Equal(["perQuarter (2 against 1 entries)"], SummaryComparison.Differences(expected, shorter));
    }
}
