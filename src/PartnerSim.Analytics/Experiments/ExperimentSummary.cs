using System.Text.Json;
using PartnerSim.Analytics.Runs;
using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// An experiment's summary.json read back (<see cref="ExperimentSummaryJson"/> writes it): the setup and, per output,
/// the design points, swings, Sobol indices or Morris effects and replicate advice. The experiment's report is built
/// from this, never from the live results, so a report rebuilt from the files is the report the experiment wrote.
/// </summary>
public sealed class ExperimentSummary
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string BaseScenario { get; init; }
    public required int Partners { get; init; }
    public required int Quarters { get; init; }
    /// <summary>grid, lhs, sobol or morris.</summary>
    public required string Method { get; init; }
    /// <summary>The design's sample size as the file gives it (values per range, points, base rows or trajectories).</summary>
    public required int Samples { get; init; }
    /// <summary>The Morris grid's levels; null for other designs.</summary>
    public required int? MorrisLevels { get; init; }
    public required int Points { get; init; }
    public required int Replicates { get; init; }
    public required ulong MasterSeed { get; init; }
    public required IReadOnlyList<ulong> ReplicateSeeds { get; init; }
    public required int Runs { get; init; }
    public required string Fingerprint { get; init; }
    /// <summary>The factors as the experiment defined them (their keys, ranges or levels).</summary>
    public required IReadOnlyList<ExperimentFactor> Factors { get; init; }
    public required IReadOnlyList<OutputSummary> Outputs { get; init; }

    /// <summary>Reads summary.json; a missing field or a wrong value is a <see cref="RunFilesException"/> naming the file and the field.</summary>
    public static ExperimentSummary Read(string path) => SummaryReading.Read(path, Parse);

    /// <summary>Whether a summary.json is an experiment's (it names one) rather than a run's.</summary>
    public static bool NamesAnExperiment(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("experiment", out _);
        }
        catch (JsonException) { return false; }
    }

    private static ExperimentSummary Parse(JsonElement root)
    {
        var design = SummaryReading.Required(root, "design", "");
        var factors = SummaryReading.Array(root, "factors", "").Select((f, i) => Factor(f, $"factors[{i}]")).ToList();
        var keys = factors.Select(f => f.Key).ToList();
        int points = Whole(SummaryReading.Number(design, "points", "design"));
        return new ExperimentSummary
        {
            Name = SummaryReading.Text(root, "experiment", ""),
            Description = SummaryReading.OptionalText(root, "description") ?? "",
            BaseScenario = SummaryReading.Text(root, "baseScenario", ""),
            Partners = Whole(SummaryReading.Number(root, "partners", "")),
            Quarters = Whole(SummaryReading.Number(root, "quarters", "")),
            Method = SummaryReading.Text(design, "method", "design"),
            Samples = Whole(SummaryReading.Number(design, "samples", "design")),
            MorrisLevels = SummaryReading.OptionalNumber(design, "levels") is { } levels ? Whole(levels) : null,
            Points = points,
            Replicates = Whole(SummaryReading.Number(root, "replicates", "")),
            MasterSeed = (ulong)SummaryReading.Number(root, "masterSeed", ""),
            ReplicateSeeds = [.. SummaryReading.Array(root, "replicateSeeds", "").Select(s => s.GetUInt64())],
            Runs = Whole(SummaryReading.Number(root, "runs", "")),
            Fingerprint = SummaryReading.Text(root, "fingerprint", ""),
            Factors = factors,
            Outputs = [.. SummaryReading.Array(root, "outputs", "").Select((o, i) => Output(o, $"outputs[{i}]", keys, points))],
        };
    }

    private static ExperimentFactor Factor(JsonElement f, string where)
    {
        var key = SummaryReading.Text(f, "key", where);
        var kind = SummaryReading.Text(f, "kind", where);
        try
        {
            return kind switch
            {
                "levels" => ExperimentFactor.Levels(key, [.. SummaryReading.Array(f, "levels", where).Select(l => l.GetString()!)]),
                "wholeNumbers" => ExperimentFactor.WholeNumbers(key, (long)SummaryReading.Number(f, "low", where), (long)SummaryReading.Number(f, "high", where)),
                "range" => ExperimentFactor.Range(key, (double)SummaryReading.Number(f, "low", where), (double)SummaryReading.Number(f, "high", where),
                    SummaryReading.OptionalText(f, "distribution") == "logUniform" ? FactorScale.LogUniform : FactorScale.Uniform),
                _ => throw new RunFilesException($"{where}.kind: expected levels, wholeNumbers or range (got '{kind}')"),
            };
        }
        catch (ArgumentException e) { throw new RunFilesException($"{where}: {e.Message}", e); }
    }

    private static OutputSummary Output(JsonElement o, string where, List<string> keys, int points)
    {
        var pointList = SummaryReading.Array(o, "points", where).Select((p, i) =>
        {
            var at = $"{where}.points[{i}]";
            var values = SummaryReading.Required(p, "factors", at);
            return new PointSummary(Whole(SummaryReading.Number(p, "point", at)),
                [.. keys.Select(k => SummaryReading.Text(values, k, $"{at}.factors"))],
                Whole(SummaryReading.Number(p, "replicates", at)),
                Real(p, "mean", at), Real(p, "lower", at), Real(p, "upper", at));
        }).ToList();
        if (pointList.Count != points) throw new RunFilesException($"{where}.points: {pointList.Count} design points, but design.points says {points}");
        return new OutputSummary(
            SummaryReading.Text(o, "name", where), SummaryReading.Text(o, "query", where), SummaryReading.Text(o, "unit", where),
            pointList,
            ByFactor(o, "swings", where, keys, (e, f, at) => new SwingSummary(f, Real(e, "lowMean", at), Real(e, "highMean", at), Real(e, "swing", at)))!,
            ByFactor(o, "sobol", where, keys, (e, f, at) => new SobolSummary(f, Real(e, "first", at), Real(e, "firstLower", at), Real(e, "firstUpper", at),
                Real(e, "total", at), Real(e, "totalLower", at), Real(e, "totalUpper", at)), optional: true),
            ByFactor(o, "morris", where, keys, (e, f, at) => new MorrisSummary(f, Real(e, "mu", at), Real(e, "muStar", at), Real(e, "sigma", at)), optional: true),
            Advice(o, where));
    }

    /// <summary>A list of one entry per factor, each naming its factor by key; null when optional and absent.</summary>
    private static List<T>? ByFactor<T>(JsonElement o, string name, string where, List<string> keys, Func<JsonElement, int, string, T> read,
        bool optional = false)
    {
        if (optional && !o.TryGetProperty(name, out _)) return null;
        return [.. SummaryReading.Array(o, name, where).Select((e, i) =>
        {
            var at = $"{where}.{name}[{i}]";
            var key = SummaryReading.Text(e, "factor", at);
            int factor = keys.IndexOf(key);
            if (factor < 0) throw new RunFilesException($"{at}.factor: '{key}' is not one of the factors");
            return read(e, factor, at);
        })];
    }

    private static ReplicateAdvice? Advice(JsonElement o, string where)
    {
        if (!o.TryGetProperty("replicateAdvice", out var a)) return null;
        var at = $"{where}.replicateAdvice";
        return new ReplicateAdvice(Whole(SummaryReading.Number(a, "pilot", at)), (double)SummaryReading.Number(a, "relativeHalfWidth", at),
            SummaryReading.NullableNumber(a, "needed", at) is { } n ? Whole(n) : null,
            SummaryReading.NullableNumber(a, "hardestPoint", at) is { } h ? Whole(h) : null,
            Whole(SummaryReading.Number(a, "pointsShort", at)));
    }

    private static double? Real(JsonElement e, string name, string where) => (double?)SummaryReading.NullableNumber(e, name, where);

    private static int Whole(decimal value) => decimal.IsInteger(value) && value is >= 0 and <= int.MaxValue
        ? (int)value : throw new FormatException($"{value} is not a whole number of the expected size");
}
