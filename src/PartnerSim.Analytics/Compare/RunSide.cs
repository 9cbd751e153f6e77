using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// One side of a comparison: a run directory, or a directory of replicate runs (subdirectories each holding a
/// summary.json, e.g. the same scenario run with several <c>--seed</c>s), read in name order.
/// </summary>
public sealed record RunSide(string Directory, IReadOnlyList<RunFiles> Runs)
{
    public RunSummary First => Runs[0].Summary;

    public bool IsReplicateSet => Runs.Count > 1;

    /// <summary>The side's name in reports: its scenario, and the directory when that says more.</summary>
    public string Label => Runs.Select(r => r.Summary.Scenario).Distinct().Count() == 1 ? First.Scenario : Name;

    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Directory)));

    public IReadOnlyList<ulong> Seeds => [.. Runs.Select(r => r.Summary.Seed)];

    public static RunSide Load(string dir)
    {
        if (!System.IO.Directory.Exists(dir)) throw new RunFilesException($"{dir}: no such directory");
        if (RunFiles.IsRunDirectory(dir)) return new RunSide(dir, [RunFiles.Load(dir)]);
        var runs = System.IO.Directory.GetDirectories(dir).Where(RunFiles.IsRunDirectory).Order(StringComparer.Ordinal).ToList();
        if (runs.Count == 0)
            throw new RunFilesException($"{dir}: neither a run directory (no {RunFiles.SummaryFile}) nor a directory of runs (no subdirectory holds one)");
        var side = new RunSide(dir, [.. runs.Select(RunFiles.Load)]);
        var quarters = Quarters(side.Runs[0]);
        foreach (var run in side.Runs.Skip(1))
            if (!Quarters(run).SequenceEqual(quarters))
                throw new RunFilesException($"{run.Directory}: its quarters ({string.Join(", ", Quarters(run))}) differ from those of {side.Runs[0].Directory}");
        return side;
    }

    private static IEnumerable<string> Quarters(RunFiles run) => run.Summary.PerQuarter.Select(q => q.Quarter);
}
