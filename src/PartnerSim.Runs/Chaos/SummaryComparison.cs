using System.Text.Json;
using PartnerSim.Analytics.Reports;

namespace PartnerSim.Runs.Chaos;

/// <summary>
/// Whether two runs' summary.json agree on what a run computes: the digest, the headline and every quarter's figures
/// (timings, the engine, faults and the detail file may differ). The reference is the in-process engine's run.
/// </summary>
public static class SummaryComparison
{
    public static readonly string[] Fields = ["digest", "headline", "perQuarter"];

    /// <summary>The summary of the uninterrupted in-process run of <paramref name="input"/>.</summary>
    public static async Task<JsonDocument> ReferenceAsync(ScenarioInput input)
    {
        var report = await Runner.Run(input, new RunSettings { Engine = EngineKind.Inproc });
        using var json = new MemoryStream();
        SummaryJson.Write(json, report);
        return JsonDocument.Parse(json.ToArray());
    }

    public static JsonDocument Read(string outDir) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "summary.json")));

    /// <summary>The fields that differ ("perQuarter[3]" for a quarter); empty when the runs agree.</summary>
    public static IReadOnlyList<string> Differences(JsonDocument expected, JsonDocument actual)
    {
        var differ = new List<string>();
        foreach (var field in Fields)
        {
            var (a, b) = (expected.RootElement.GetProperty(field), actual.RootElement.TryGetProperty(field, out var v) ? v : default);
            if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array)
            {
                var (x, y) = (a.EnumerateArray().ToList(), b.EnumerateArray().ToList());
                if (x.Count != y.Count) differ.Add($"{field} ({x.Count} against {y.Count} entries)");
                else differ.AddRange(Enumerable.Range(0, x.Count).Where(i => !JsonElement.DeepEquals(x[i], y[i])).Select(i => $"{field}[{i}]"));
            }
            else if (b.ValueKind == JsonValueKind.Undefined || !JsonElement.DeepEquals(a, b)) differ.Add(field);
        }
        return differ;
    }
}
