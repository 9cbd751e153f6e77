using System.Globalization;
using System.Text.RegularExpressions;

namespace PartnerSim.Model.Time;

/// <summary>
/// A Cisco fiscal quarter, <c>FY26Q3</c>. Cisco's fiscal year ends on the last Saturday of July, so FY26Q1
/// is roughly Aug–Oct 2025 and FY26Q3 starts in late January 2026. Quarters are counted as one integer
/// (4 × year + quarter − 1) so that arithmetic is plain addition.
/// </summary>
public readonly partial record struct FiscalQuarter(int Ordinal)
{
    public int Year => Ordinal / 4;
    public int Quarter => Ordinal % 4 + 1;

    public static FiscalQuarter Of(int fiscalYear, int quarter) => new(fiscalYear * 4 + quarter - 1);

    public FiscalQuarter Plus(int quarters) => new(Ordinal + quarters);

    public static int operator -(FiscalQuarter a, FiscalQuarter b) => a.Ordinal - b.Ordinal;

    public override string ToString() => $"FY{Year:00}Q{Quarter}";

    public static bool TryParse(string? text, out FiscalQuarter quarter)
    {
        quarter = default;
        if (text is null) return false;
        var m = LabelPattern().Match(text.Trim());
        if (!m.Success) return false;
        quarter = Of(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                     int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static FiscalQuarter Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a fiscal quarter like FY26Q3");

    [GeneratedRegex(@"^FY(\d{2})Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();
}
