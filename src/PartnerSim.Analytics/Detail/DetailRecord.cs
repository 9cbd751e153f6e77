using PartnerSim.Model.Engine;

namespace PartnerSim.Analytics.Detail;

/// <summary>What a run recorded in its detail file, and why (summary.json's <c>detail</c>).</summary>
/// <param name="ByDefault">The selection was the default for the population's size, not asked for.</param>
public sealed record DetailRecord(DetailSelection Selection, bool ByDefault, int Partners, long Rows)
{
    public string? File => Selection.Mode == DetailMode.None ? null : PartnerQuarterFile.FileName;

    /// <summary>One line saying what was recorded, for the console and the report.</summary>
    public string Describe() => Selection.Mode switch
    {
        DetailMode.None => ByDefault
            ? $"detail: none (more than {DetailSelection.AllUpTo:N0} partners; --detail all or sample:N records them)"
            : "detail: none",
        _ => $"detail: {Selection}{(ByDefault ? " (the default up to " + DetailSelection.AllUpTo.ToString("N0") + " partners)" : "")}, " +
             $"{Partners:N0} partners, {Rows:N0} rows in {PartnerQuarterFile.FileName}",
    };
}
