using PartnerSim.Analytics.Compare;
using PartnerSim.Analytics.Plots;
using PartnerSim.Analytics.Tables;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>Writes a comparison into a directory: compare.html, compare.json, the delta tables (CSV) and plots/.</summary>
public static class CompareFiles
{
    public static IReadOnlyList<DrawnChart> Write(RunComparison c, string dir)
    {
        var charts = DrawnChart.WriteAll(CompareCharts.Of(c), dir);
        using (var f = File.Create(Path.Combine(dir, CompareJson.FileName))) CompareJson.Write(f, c);
        Csv(dir, CompareTables.QuarterFile, CompareTables.Quarters(c));
        Csv(dir, CompareTables.SegmentFile, CompareTables.Segments(c));
        if (c.Partners is { } p) Csv(dir, CompareTables.PartnerFile, CompareTables.Partners(p));
        File.WriteAllText(Path.Combine(dir, ComparePage.FileName), ComparePage.Build(c, charts));
        return charts;
    }

    private static void Csv(string dir, string name, Table table)
    {
        using var f = File.CreateText(Path.Combine(dir, name));
        TableCsv.Write(f, table);
    }
}
