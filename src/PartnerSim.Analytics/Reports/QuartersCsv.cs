using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace PartnerSim.Analytics.Reports;

/// <summary>The quarter rows as CSV: one column per <see cref="QuarterRow"/> property, in declaration order.</summary>
public static class QuartersCsv
{
    private static readonly PropertyInfo[] Columns = typeof(QuarterRow).GetProperties();

    public static void Write(TextWriter w, RunReport r)
    {
        w.WriteLine(string.Join(',', Columns.Select(c => c.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name)));
        foreach (var row in QuarterRow.Of(r))
            w.WriteLine(string.Join(',', Columns.Select(c => c.GetValue(row) switch
            {
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v?.ToString() ?? "",
            })));
    }
}
