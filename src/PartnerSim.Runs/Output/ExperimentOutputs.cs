using System.Text.Json.Nodes;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Analytics.Reports.Html;
using PartnerSim.Analytics.Tables;

namespace PartnerSim.Runs.Output;

/// <summary>
/// An experiment's output directory, written whole or not at all (<see cref="AtomicOutput"/>): <c>experiment.parquet</c>
/// and <c>experiment.csv</c> (one row per run, in design order), <c>points.csv</c>, <c>swings.csv</c>,
/// <c>sobol.csv</c> or <c>morris.csv</c>, <c>replicates.csv</c>, <c>summary.json</c>, <c>charts/</c> and
/// <c>report.html</c>. Nothing in them depends on timing or on the order runs finished in.
/// </summary>
public static class ExperimentOutputs
{
    public const string SummaryFile = ExperimentFiles.SummaryFile;

    public static void Write(string target, ExperimentResults results) => AtomicOutput.WriteDirectory(target, dir =>
    {
        var runs = ExperimentTables.Runs(results);
        using (var f = File.Create(Path.Combine(dir, "experiment.parquet"))) TableParquet.Write(f, runs).GetAwaiter().GetResult();
        WriteCsv(dir, "experiment", runs);
        WriteCsv(dir, "points", ExperimentTables.Points(results));
        WriteCsv(dir, "swings", ExperimentTables.Swings(results));
        WriteCsv(dir, "sobol", ExperimentTables.Sobol(results));
        WriteCsv(dir, "morris", ExperimentTables.Morris(results));
        WriteCsv(dir, "replicates", ExperimentTables.Replicates(results));
        using (var f = File.Create(Path.Combine(dir, SummaryFile))) ExperimentSummaryJson.Write(f, results);
        ExperimentPlots.WriteAll(results, Path.Combine(dir, ExperimentChart.Folder));
        // Last, and from the files just written, as `partnersim report DIR` rebuilds it.
        File.WriteAllText(Path.Combine(dir, ExperimentReportPage.FileName), ExperimentReportPage.Build(ExperimentFiles.Load(dir)));
    });

    /// <summary>The fingerprint of the experiment whose results <paramref name="target"/> holds, or null.</summary>
    public static string? Fingerprint(string target)
    {
        var path = Path.Combine(target, SummaryFile);
        if (!File.Exists(path)) return null;
        try { return JsonNode.Parse(File.ReadAllText(path))?["fingerprint"]?.GetValue<string>(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or IOException) { return null; }
    }

    private static void WriteCsv(string dir, string name, Table? table)
    {
        if (table is null) return;
        using var f = File.CreateText(Path.Combine(dir, name + ".csv"));
        TableCsv.Write(f, table);
    }
}
