using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Plots;

/// <summary>Every chart of a run, built from its files, in the order the report shows them.</summary>
public static class RunCharts
{
    public static IEnumerable<Chart> Of(RunFiles files)
    {
        var run = files.Summary;
        string first = run.Launch is null ? "in the first quarter" : "at launch";
        yield return RebatesChart.Of(run);
        yield return ShortfallChart.Of(run);
        yield return LosingChart.Of(run);
        yield return PviCharts.MainPortfolio(run);
        yield return PviCharts.Portfolios(run);
        yield return PviCharts.OverQuarters(run);
        yield return BandsChart.Of(run);
        yield return MigrationChart.Of(run, run.First, MigrationChart.LaunchId, first);
        yield return MigrationChart.Of(run, run.End, MigrationChart.EndId, "at the end");
        yield return LorenzChart.Of(run);
        yield return SegmentBoxChart.Of(run, files.Segments, run.First, SegmentBoxChart.LaunchId, first);
        yield return SegmentBoxChart.Of(run, files.Segments, run.End, SegmentBoxChart.EndId, "at the end");
        yield return LeftChart.Of(run, files.Segments);
    }

    /// <summary>Draws every chart into <c>DIR/plots/</c> (PNG and SVG).</summary>
    public static IReadOnlyList<DrawnChart> Write(RunFiles files, string dir) => DrawnChart.WriteAll(Of(files), dir);
}
