namespace PartnerSim.Analytics.Runs;

/// <summary>A named figure of the whole run (<c>headline</c> of summary.json); null where it is undefined.</summary>
public sealed record NamedFigure(string Name, decimal? Value);

/// <summary>One of the rule book's calibration targets as the run measured it.</summary>
public sealed record CalibrationCheck(string Name, decimal? Value, string Target, bool? Met, string? Quarter);

/// <summary>When a segment's shortfall closes and opens again (<c>analyses</c>); null where it does not happen.</summary>
public sealed record ShortfallClosingRecord(string Segment, string? ClosesIn, string? ReopensIn, string Definition);

/// <summary>One parameter value the run used, with its rule-book tag (seed, asm).</summary>
public sealed record AssumptionRecord(string Name, string Value, string Tag, string Description);

/// <summary>What a figure of the run's files means (<c>definitions</c>): its section, name, unit and description, and
/// for a headline figure the query that computes it.</summary>
public sealed record FigureDefinition(string Section, string Name, string? Unit, string Description, string? Query);

/// <summary>The PVI at which each band starts, as the run's rules set them.</summary>
public sealed record BandThresholds(double Registered, double Partner, double Preferred, bool Recorded);
