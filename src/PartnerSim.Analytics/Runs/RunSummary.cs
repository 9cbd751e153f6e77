using System.Text.Json;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Analytics.Runs;

/// <summary>
/// summary.json read back: the run's identity, headline, calibration, analyses, assumptions, figure definitions and
/// every quarter. Reports, plots and comparisons are built from this, never from the live run, so a report rebuilt
/// from the files is the report the run wrote.
/// </summary>
public sealed class RunSummary
{
    public required string Scenario { get; init; }
    public required string Description { get; init; }
    public required ulong Seed { get; init; }
    public required long Partners { get; init; }
    public required int Quarters { get; init; }
    public required string Start { get; init; }
    /// <summary>The launch quarter; null when Cisco 360 does not launch (legacy-only).</summary>
    public required string? Launch { get; init; }
    public required string Engine { get; init; }
    public required decimal ElapsedSeconds { get; init; }
    public required string Digest { get; init; }
    public required IReadOnlyList<NamedFigure> Headline { get; init; }
    public required IReadOnlyList<CalibrationCheck> Calibration { get; init; }
    public required IReadOnlyList<ShortfallClosingRecord> Closings { get; init; }
    public required IReadOnlyList<AssumptionRecord> Assumptions { get; init; }
    public required IReadOnlyList<FigureDefinition> Definitions { get; init; }
    public required BandThresholds Thresholds { get; init; }
    public required IReadOnlyList<QuarterRecord> PerQuarter { get; init; }

    /// <summary>The launch quarter's record, or null when the run has none.</summary>
    public QuarterRecord? LaunchQuarter => PerQuarter.FirstOrDefault(q => q.Quarter == Launch);

    /// <summary>The quarter a "before" view reads: the launch, or the first quarter when there is no launch.</summary>
    public QuarterRecord First => LaunchQuarter ?? PerQuarter[0];

    public QuarterRecord End => PerQuarter[^1];

    public decimal? HeadlineFigure(string name) => Headline.FirstOrDefault(h => h.Name == name)?.Value;

    public ShortfallClosingRecord? Closing(string segment) => Closings.FirstOrDefault(c => c.Segment == segment);

    public string? Assumption(string name) => Assumptions.FirstOrDefault(a => a.Name == name)?.Value;

    /// <summary>
    /// The legacy tiers of the fat middle: the run's <c>population.fatMiddleTiers</c>, or the rule book's default for a
    /// summary written before that parameter existed.
    /// </summary>
    public IReadOnlyList<LegacyTier> FatMiddleTiers
    {
        get
        {
            if (Assumption("population.fatMiddleTiers") is { } listed)
            {
                var named = listed.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => Enum.TryParse<LegacyTier>(t, ignoreCase: true, out var tier) ? tier : (LegacyTier?)null).ToList();
                if (named.Count > 0 && named.All(t => t is not null)) return [.. named.Select(t => t!.Value)];
            }
            return [.. TierSet.DefaultFatMiddle.Tiers];
        }
    }

    internal static RunSummary Parse(JsonElement root)
    {
        var defaults = new ScoringOptions();
        var thresholds = root.TryGetProperty("thresholds", out var t) && t.ValueKind == JsonValueKind.Object
            ? new BandThresholds(
                (double)SummaryReading.Number(t, "registered", "thresholds"),
                (double)SummaryReading.Number(t, "partner", "thresholds"),
                (double)SummaryReading.Number(t, "preferred", "thresholds"), Recorded: true)
            : new BandThresholds(defaults.RegisteredThreshold, defaults.PartnerThreshold, defaults.PreferredThreshold, Recorded: false);
        var perQuarter = SummaryReading.Array(root, "perQuarter", "").Select((q, i) => QuarterRecord.Parse(q, $"perQuarter[{i}]")).ToList();
        if (perQuarter.Count == 0) throw new RunFilesException("perQuarter: no quarters");
        return new RunSummary
        {
            Scenario = SummaryReading.Text(root, "scenario", ""),
            Description = SummaryReading.OptionalText(root, "description") ?? "",
            Seed = (ulong)SummaryReading.Number(root, "seed", ""),
            Partners = (long)SummaryReading.Number(root, "partners", ""),
            Quarters = (int)SummaryReading.Number(root, "quarters", ""),
            Start = SummaryReading.Text(root, "start", ""),
            Launch = SummaryReading.Required(root, "launch", "").ValueKind == JsonValueKind.Null ? null : SummaryReading.Text(root, "launch", ""),
            Engine = SummaryReading.OptionalText(root, "engine") ?? "",
            ElapsedSeconds = SummaryReading.OptionalNumber(root, "elapsedSeconds") ?? 0,
            Digest = SummaryReading.Text(root, "digest", ""),
            Headline = [.. SummaryReading.OptionalObject(root, "headline")
                .Select(p => new NamedFigure(p.Name, p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDecimal() : null))],
            Calibration = [.. SummaryReading.OptionalObject(root, "calibration").Select(p => new CalibrationCheck(p.Name,
                SummaryReading.OptionalNumber(p.Value, "value"), SummaryReading.OptionalText(p.Value, "target") ?? "",
                SummaryReading.OptionalFlag(p.Value, "met"), SummaryReading.OptionalText(p.Value, "quarter")))],
            Closings = [.. SummaryReading.OptionalObject(root, "analyses")
                .Where(p => p.Name.EndsWith("ShortfallCloses", StringComparison.Ordinal))
                .Select(p => new ShortfallClosingRecord(p.Name[..^"ShortfallCloses".Length],
                    SummaryReading.OptionalText(p.Value, "closesIn"), SummaryReading.OptionalText(p.Value, "reopensIn"),
                    SummaryReading.OptionalText(p.Value, "definition") ?? ""))],
            Assumptions = [.. SummaryReading.Array(root, "assumptions", "").Select((a, i) => new AssumptionRecord(
                SummaryReading.Text(a, "name", $"assumptions[{i}]"), SummaryReading.Text(a, "value", $"assumptions[{i}]"),
                SummaryReading.Text(a, "tag", $"assumptions[{i}]"), SummaryReading.OptionalText(a, "description") ?? ""))],
            Definitions = [.. SummaryReading.OptionalObject(root, "definitions")
                .Where(section => section.Value.ValueKind == JsonValueKind.Array)
                .SelectMany(section => section.Value.EnumerateArray().Select((d, i) => new FigureDefinition(section.Name,
                    SummaryReading.Text(d, "name", $"definitions.{section.Name}[{i}]"),
                    SummaryReading.OptionalText(d, "unit"), SummaryReading.OptionalText(d, "description") ?? "",
                    SummaryReading.OptionalText(d, "query"))))],
            Thresholds = thresholds,
            PerQuarter = perQuarter,
        };
    }
}
