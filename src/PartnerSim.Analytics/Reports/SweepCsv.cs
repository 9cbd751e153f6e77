using PartnerSim.Analytics.Figures;
using PartnerSim.Analytics.Tables;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Reports;

/// <summary>
/// One row per sweep run: the values it set, its seed and digest, and the headline figures of its run
/// (<see cref="RunFigures.Headline"/>), so a designer can pivot the outcome over the grid in any spreadsheet.
/// </summary>
public static class SweepCsv
{
    public static void Write(TextWriter w, IReadOnlyList<string> keys, IEnumerable<(IReadOnlyList<string> Values, RunReport Report)> runs)
    {
        var table = new Table();
        var keyColumns = keys.Select(k => table.Text(k, "the value this run set")).ToList();
        var seed = table.Text("seed", "random seed");
        var digest = table.Text("digest", "SHA-256 of every partner's final state");
        var figures = RunFigures.Headline.Select(f => table.Figure(Names.Snake(f.Name), FigureUnit.Ratio, f.Description)).ToList();
        foreach (var (values, report) in runs)
        {
            for (int i = 0; i < keys.Count; i++) keyColumns[i].Add(values[i]);
            seed.Add(report.Rules.Options.Run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            digest.Add(report.Result.Digest);
            var headline = report.Headline;
            for (int i = 0; i < figures.Count; i++) figures[i].Add(headline[i].Value);
            table.EndRow();
        }
        TableCsv.Write(w, table);
    }
}
