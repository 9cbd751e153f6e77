using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// A parameter whose value differs between the sides: from the assumption lists, plus the scenario, start, launch and
/// band thresholds. A side of replicates lists each distinct value once (the seeds, typically).
/// </summary>
public sealed record ParameterDifference(string Name, string A, string B, string Tag, string Description)
{
    public static IReadOnlyList<ParameterDifference> Of(RunSide a, RunSide b)
    {
        var names = Parameters(a).Concat(Parameters(b)).Select(p => p.Name).Distinct().ToList();
        var result = new List<ParameterDifference>();
        foreach (var name in names)
        {
            string va = Values(a, name), vb = Values(b, name);
            if (va == vb) continue;
            var about = Parameters(a).Concat(Parameters(b)).First(p => p.Name == name);
            result.Add(new ParameterDifference(name, va, vb, about.Tag, about.Description));
        }
        return result;
    }

    private static string Values(RunSide side, string name) =>
        string.Join(", ", side.Runs.Select(r => Parameters(r.Summary).FirstOrDefault(p => p.Name == name)?.Value ?? "(not set)").Distinct());

    private static IEnumerable<AssumptionRecord> Parameters(RunSide side) => side.Runs.SelectMany(r => Parameters(r.Summary));

    private static IEnumerable<AssumptionRecord> Parameters(RunSummary run) =>
    [
        new("scenario", run.Scenario, "run", "the scenario's name"),
        new("run.start", run.Start, "run", "first quarter simulated"),
        new("run.launch", run.Launch ?? "(no launch)", "run", "quarter Cisco 360 launches"),
        new("rules.registeredThreshold", Display(run.Thresholds.Registered), "pub", "PVI at which the registered band starts"),
        new("rules.partnerThreshold", Display(run.Thresholds.Partner), "pub", "PVI at which the partner band starts"),
        new("rules.preferredThreshold", Display(run.Thresholds.Preferred), "pub", "PVI at which the preferred band starts"),
        .. run.Assumptions,
    ];

    private static string Display(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
