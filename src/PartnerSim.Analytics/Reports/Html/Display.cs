using System.Globalization;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>How figures read in a report: money to three significant figures with k/M/B, counts with separators,
/// shares as percentages, signed deltas with a plus sign; a dash where a figure is undefined.</summary>
public static class Display
{
    public const string Missing = "–";
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal? usd) => usd is { } v ? Money((double)v) : Missing;

    public static string Money(double usd)
    {
        double a = Math.Abs(usd);
        string sign = usd < 0 ? "−" : "";
        string body = a switch
        {
            >= 1e9 => Significant(a / 1e9) + "B",
            >= 1e6 => Significant(a / 1e6) + "M",
            >= 1e3 => Significant(a / 1e3) + "k",
            _ => a.ToString("0", s_invariant),
        };
        return $"{sign}${body}";
    }

    public static string SignedMoney(double usd) => usd > 0 ? "+" + Money(usd) : Money(usd);

    public static string Count(decimal? n) => n is { } v ? Count((double)v) : Missing;

    public static string Count(double n) => n.ToString(Math.Abs(n % 1) < 1e-9 ? "N0" : "N1", s_invariant).Replace("-", "−");

    public static string Count(long n) => Count((double)n);

    /// <summary>A figure that is not money: whole numbers with separators, others (ratios, means of replicates) to four decimals.</summary>
    public static string Figure(double value) => Math.Abs(value % 1) < 1e-9 ? Count(value) : value.ToString("#,0.####", s_invariant).Replace("-", "−");

    public static string SignedFigure(double value) => value > 0 ? "+" + Figure(value) : Figure(value);

    public static string Share(decimal? ratio) => ratio is { } v ? Share((double)v) : Missing;

    public static string Share(double ratio) => (100 * ratio).ToString("0.0", s_invariant) + "%";

    public static string Number(decimal? value, string format = "0.##") => value is { } v ? v.ToString(format, s_invariant).Replace("-", "−") : Missing;

    public static string Number(double value, string format = "0.##") => value.ToString(format, s_invariant).Replace("-", "−");

    /// <summary>A figure by its unit as summary.json's definitions give it (usd, partners, ratio, pvi, …).</summary>
    public static string ByUnit(decimal? value, string? unit) => unit switch
    {
        _ when value is null => Missing,
        "usd" => Money(value),
        "partners" or "deals" => Count(value),
        "ratio" => Number(value, "0.####"),
        _ => Number(value, "0.##"),
    };

    /// <summary>A figure by its unit, from a double (null or not finite: undefined).</summary>
    public static string ByUnit(double? value, string? unit) => ByUnit(value is { } v && double.IsFinite(v) ? (decimal)v : null, unit);

    /// <summary>A change by its unit, with a plus sign when it is above 0.</summary>
    public static string SignedByUnit(double? value, string? unit) => value > 0 ? "+" + ByUnit(value, unit) : ByUnit(value, unit);

    /// <summary>A share as a percentage to <paramref name="format"/> (whole percents by default); estimates may lie outside 0–100%.</summary>
    public static string Percent(double? ratio, string format = "0") =>
        ratio is { } r && double.IsFinite(r) ? Number(100 * r, format) + "%" : Missing;

    /// <summary>An interval of figures by their unit: "low to high".</summary>
    public static string IntervalByUnit(double? low, double? high, string? unit) =>
        low is null || high is null ? Missing : $"{ByUnit(low, unit)} to {ByUnit(high, unit)}";

    private static string Significant(double v) => v.ToString(v >= 100 ? "0" : v >= 10 ? "0.0" : "0.00", s_invariant);
}
