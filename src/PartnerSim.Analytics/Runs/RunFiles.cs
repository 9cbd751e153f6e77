namespace PartnerSim.Analytics.Runs;

/// <summary>
/// A run directory read back (summary.json, segments.parquet, and where the run wrote it the partner-quarter detail),
/// the one source of the report, its charts and comparisons, whether they are made at the end of a run or later by
/// <c>partnersim report DIR</c>.
/// </summary>
public sealed record RunFiles(string Directory, RunSummary Summary, SegmentTable Segments)
{
    public const string SummaryFile = "summary.json", SegmentsFile = "segments.parquet", DetailFile = "partner-quarters.parquet";

    /// <summary>The partner-quarter detail file, or null when the run did not write one.</summary>
    public string? DetailPath => File.Exists(Path.Combine(Directory, DetailFile)) ? Path.Combine(Directory, DetailFile) : null;

    /// <summary>The run directory's name (its last path segment), for labels.</summary>
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Directory)));

    public static bool IsRunDirectory(string dir) => File.Exists(Path.Combine(dir, SummaryFile));

    /// <summary>Reads a run directory; a missing or unreadable file is a <see cref="RunFilesException"/> naming it.</summary>
    public static RunFiles Load(string dir)
    {
        if (!System.IO.Directory.Exists(dir)) throw new RunFilesException($"{dir}: no such directory");
        var summaryPath = Path.Combine(dir, SummaryFile);
        var segmentsPath = Path.Combine(dir, SegmentsFile);
        if (!File.Exists(summaryPath)) throw new RunFilesException($"{summaryPath}: not found (not a run directory)");
        if (!File.Exists(segmentsPath)) throw new RunFilesException($"{segmentsPath}: not found");
        var summary = SummaryReading.Read(summaryPath, RunSummary.Parse);
        SegmentTable segments;
        try { segments = SegmentTable.ReadAsync(segmentsPath).GetAwaiter().GetResult(); }
        catch (Exception e) when (e is not RunFilesException)
        {
            throw new RunFilesException($"{segmentsPath}: not a readable segment table ({e.Message})", e);
        }
        return new RunFiles(dir, summary, segments);
    }
}
