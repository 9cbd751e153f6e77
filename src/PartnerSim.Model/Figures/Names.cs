namespace PartnerSim.Model.Figures;

/// <summary>How names are spelled in outputs: camelCase in JSON, snake_case in tables.</summary>
public static class Names
{
    public static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    /// <summary><c>fatMiddle.medianShortfallUsd</c> → <c>fat_middle_median_shortfall_usd</c>.</summary>
    public static string Snake(string s)
    {
        var b = new System.Text.StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '.') { b.Append('_'); continue; }
            if (char.IsUpper(c))
            {
                bool afterLower = i > 0 && (char.IsLower(s[i - 1]) || char.IsDigit(s[i - 1]));
                bool beforeLower = i + 1 < s.Length && char.IsLower(s[i + 1]) && i > 0 && char.IsUpper(s[i - 1]);
                if (afterLower || beforeLower) b.Append('_');
                b.Append(char.ToLowerInvariant(c));
            }
            else b.Append(c);
        }
        return b.ToString();
    }
}
