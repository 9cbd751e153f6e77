using System.Globalization;
using System.Text.RegularExpressions;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Time;

namespace PartnerSim.Analytics.Figures;

/// <summary>
/// A figure of a whole run, written as text: a quarter column (or a sum or ratio of them) at a quarter or summed
/// over a range of quarters. Headline figures, sweep and experiment outputs are such queries, so any figure of the
/// registry can be asked for without code.
/// <code>
///   fatMiddle.losing@launch                  the fat middle losing CPI eligibility in the launch quarter
///   cpiRebateUsd/legacyRebateUsd@launch+4    CPI pot against legacy pot four quarters after launch
///   left@start..start+7                      partners left in the first eight quarters
///   shortfallUsd@launch..end                 the shortfall summed from launch to the end
///   bands.partner+bands.preferred@FY27Q1     partners at partner or better in FY27Q1
/// </code>
/// Quarter points: <c>start</c>, <c>launch</c>, <c>end</c> with an optional <c>+n</c> / <c>-n</c>, a fiscal quarter
/// (<c>FY27Q1</c>), or a run quarter index (0 is the first). Without <c>@</c> the query reads the last quarter. Only
/// counts and sums add up over a range; a ratio of ranges is the ratio of their sums.
/// </summary>
public sealed partial class FigureQuery
{
    public string Text { get; }
    private readonly string[] _terms;
    private readonly char _operator; // '+', '/' or ' ' (one term)
    private readonly string _from, _to;

    private FigureQuery(string text, string[] terms, char op, string from, string to)
    {
        (Text, _terms, _operator, _from, _to) = (text, terms, op, from, to);
    }

    /// <summary>Parses a query and checks its names against <paramref name="table"/>; throws FormatException naming the problem.</summary>
    public static FigureQuery Parse(string text, QuarterTable table)
    {
        var at = text.Split('@');
        if (at.Length > 2 || at[0].Trim().Length == 0) throw new FormatException($"'{text}': expected figure[@quarter or @from..to]");
        var expression = at[0].Trim();
        char op = expression.Contains('/') ? '/' : expression.Contains('+') ? '+' : ' ';
        var terms = expression.Split(op == ' ' ? ['\0'] : [op]).Select(t => t.Trim()).ToArray();
        if (op == '/' && terms.Length != 2) throw new FormatException($"'{text}': a ratio has one '/' between two figures");
        if (expression.Contains('/') && expression.Contains('+')) throw new FormatException($"'{text}': use either '+' or '/', not both");
        var range = at.Length == 2 ? at[1].Trim() : "end";
        var ends = range.Split("..");
        if (ends.Length > 2 || ends.Any(e => !Point().IsMatch(e.Trim())))
            throw new FormatException($"'{text}': '{range}' is not a quarter (start, launch, end with +n/-n, FY27Q1, or an index) or a range from..to");
        var query = new FigureQuery(text, terms, op, ends[0].Trim(), ends[^1].Trim());
        foreach (var term in terms)
        {
            var column = table.Find(term) ?? throw new FormatException($"'{text}': no figure named '{term}'{Suggest(term, table)}");
            if (query.IsRange && !column.Additive)
                throw new FormatException($"'{text}': '{term}' does not add up over quarters (only counts and sums do); ask for one quarter");
        }
        return query;
    }

    private bool IsRange => _from != _to;

    /// <summary>The unit of the result (a ratio for a ratio).</summary>
    public FigureUnit Unit(QuarterTable table) => _operator == '/' ? FigureUnit.Ratio : table.Find(_terms[0])!.Unit;

    /// <summary>
    /// The value on a finished run; null where it is undefined: a quarter outside the run (such as the launch of a
    /// legacy-only run), an empty quantile, a ratio over zero.
    /// </summary>
    public decimal? Evaluate(QuarterTable table, RuleBook rules, IReadOnlyList<QuarterStats> quarters)
    {
        long from = Resolve(_from, rules, quarters.Count), to = Resolve(_to, rules, quarters.Count);
        if (!IsRange && (from < 0 || from >= quarters.Count)) return null;
        // A range is cut to the run: "from launch on" in a run that starts after the launch is the whole run, and in a
        // run that never launches it is no quarter at all (a sum of nothing: 0).
        int lo = (int)Math.Max(from, 0), hi = (int)Math.Min(to, quarters.Count - 1);
        decimal? Term(string name)
        {
            var column = table.Find(name)!;
            decimal sum = 0;
            for (int q = lo; q <= hi; q++)
            {
                if (column.Read(quarters[q]) is not { } v) return null;
                sum += v;
            }
            return sum;
        }
        var values = _terms.Select(Term).ToArray();
        if (values.Any(v => v is null)) return null;
        return _operator switch
        {
            '/' => values[1] == 0 ? null : Math.Round(values[0]!.Value / values[1]!.Value, 4, MidpointRounding.AwayFromZero),
            _ => values.Sum(v => v!.Value),
        };
    }

    /// <summary>A quarter point as a run quarter index, which may fall outside the run.</summary>
    private static long Resolve(string point, RuleBook rules, int quarters)
    {
        var m = Point().Match(point);
        long offset = m.Groups["offset"].Success ? long.Parse(m.Groups["offset"].Value.Replace(" ", ""), CultureInfo.InvariantCulture) : 0;
        return m.Groups["name"].Value switch
        {
            "start" => offset,
            "end" => quarters - 1 + offset,
            "launch" => (long)rules.Launch + offset,
            _ => m.Groups["fiscal"].Success ? FiscalQuarter.Parse(point) - rules.Start : long.Parse(point, CultureInfo.InvariantCulture),
        };
    }

    private static string Suggest(string name, QuarterTable table)
    {
        var close = table.Columns.Select(c => c.Name).Where(n => n.EndsWith(name.Split('.')[^1], StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        return close.Count > 0 ? $" (did you mean {string.Join(", ", close)}?)" : "";
    }

    [GeneratedRegex(@"^(?:(?<name>start|launch|end)(?<offset>\s*[+-]\s*\d+)?|(?<fiscal>FY\d\dQ[1-4])|\d+)$")]
    private static partial Regex Point();

    public override string ToString() => Text;
}
