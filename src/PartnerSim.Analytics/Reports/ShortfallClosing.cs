namespace PartnerSim.Analytics.Reports;

/// <summary>
/// When a segment's shortfall closes: the first quarter from launch in which its CPI earned reaches its legacy
/// counterfactual (shortfall ≤ 0), and the first quarter after that in which it opens again (for instance when the
/// 18-month high-water mark ends). Null where it does not happen inside the run.
/// </summary>
public sealed record ShortfallClosing(string Segment, string? ClosesIn, string? ReopensIn)
{
    public const string Definition =
        "the first quarter from launch in which the segment's CPI earned reaches its legacy counterfactual (shortfall <= 0); " +
        "reopens: the first later quarter in which the shortfall is positive again";

    public static ShortfallClosing Of(RunReport r, string segment)
    {
        var column = r.Table.Find($"{segment}.shortfallUsd") ?? throw new ArgumentException($"no segment '{segment}'", nameof(segment));
        int? closes = null, reopens = null;
        foreach (var q in r.Quarters.Where(q => r.Rules.IsLaunched(q.Quarter)))
        {
            var shortfall = column.Read(q);
            if (closes is null && shortfall <= 0) closes = q.Quarter;
            else if (closes is not null && reopens is null && shortfall > 0) reopens = q.Quarter;
        }
        return new ShortfallClosing(segment, closes is { } c ? r.QuarterLabel(c) : null, reopens is { } o ? r.QuarterLabel(o) : null);
    }
}
