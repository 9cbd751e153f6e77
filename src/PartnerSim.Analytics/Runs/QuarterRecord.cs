using System.Text.Json;

namespace PartnerSim.Analytics.Runs;

/// <summary>
/// One entry of summary.json's <c>perQuarter</c>, read back by path: every number by its dotted name
/// (<c>fatMiddle.losing</c>, <c>bands.partner</c>, <c>migration.select.partner</c>) in file order, every histogram
/// (<c>pviHistogram</c>, <c>pviHistogramByPortfolio.networking</c>) and every curve (<c>inequality.cpiRebate.lorenz</c>).
/// Reading by path keeps the reader in step with whatever figures the writer declares.
/// </summary>
public sealed class QuarterRecord
{
    private readonly Dictionary<string, decimal?> _figures = [];
    private readonly List<string> _names = [];
    private readonly Dictionary<string, double[]> _histograms = [];
    private readonly Dictionary<string, (double X, double Y)[]> _curves = [];

    public required string Quarter { get; init; }
    public required string Regime { get; init; }
    public required bool Grace { get; init; }

    /// <summary>Every number of the quarter, by dotted name, in the order summary.json writes them.</summary>
    public IReadOnlyList<string> FigureNames => _names;

    public bool Has(string name) => _figures.ContainsKey(name);

    /// <summary>The figure by dotted name; null where summary.json writes null (undefined), or where it has no such figure.</summary>
    public decimal? this[string name] => _figures.GetValueOrDefault(name);

    public double Value(string name) => (double)(this[name] ?? 0);

    public double[]? Histogram(string name) => _histograms.GetValueOrDefault(name);

    public (double X, double Y)[]? Curve(string name) => _curves.GetValueOrDefault(name);

    /// <summary>The children of a figure group (<c>migration</c> gives <c>registered</c>, <c>select</c>, …), in file order.</summary>
    public IReadOnlyList<string> Children(string group)
    {
        var prefix = group + ".";
        var children = new List<string>();
        foreach (var name in _names.Concat(_histograms.Keys))
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = name[prefix.Length..];
            var child = rest.Split('.')[0];
            if (!children.Contains(child)) children.Add(child);
        }
        return children;
    }

    internal static QuarterRecord Parse(JsonElement e, string where)
    {
        var record = new QuarterRecord
        {
            Quarter = SummaryReading.Text(e, "quarter", where),
            Regime = SummaryReading.Text(e, "regime", where),
            Grace = SummaryReading.Flag(e, "grace", where),
        };
        foreach (var p in e.EnumerateObject())
            if (p.Name is not ("quarter" or "regime" or "grace")) record.Add(p.Name, p.Value, $"{where}.{p.Name}");
        return record;
    }

    private void Add(string name, JsonElement value, string where)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                _figures[name] = value.GetDecimal();
                _names.Add(name);
                break;
            case JsonValueKind.Null:
                _figures[name] = null;
                _names.Add(name);
                break;
            case JsonValueKind.Object:
                foreach (var p in value.EnumerateObject()) Add($"{name}.{p.Name}", p.Value, $"{where}.{p.Name}");
                break;
            case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number):
                _histograms[name] = [.. value.EnumerateArray().Select(v => v.GetDouble())];
                break;
            case JsonValueKind.Array:
                _curves[name] = [.. value.EnumerateArray().Select(point => point.GetArrayLength() == 2
                    ? (point[0].GetDouble(), point[1].GetDouble())
                    : throw new RunFilesException($"{where}: expected [x, y] points"))];
                break;
        }
    }
}
