using System.Globalization;

namespace PartnerSim.Model.Options;

/// <summary>
/// The largest run a scenario may ask for: partners × quarters at most <see cref="RunOptions.MaxPartnerQuarters"/>.
/// A run past it would not end in useful time (or memory), so it is refused before it starts, naming the key that raises it.
/// </summary>
public static class WorkLimit
{
    public static bool Allows(long partners, int quarters, long maxPartnerQuarters) => partners * quarters <= maxPartnerQuarters;

    /// <summary>Why a run of this size is refused, and how to allow it.</summary>
    public static string Refusal(long partners, int quarters, long maxPartnerQuarters) => string.Format(CultureInfo.InvariantCulture,
        "{0:N0} partners x {1:N0} quarters = {2:N0} partner-quarters is more than the work limit run.maxPartnerQuarters = {3:N0}; "
        + "simulate fewer partners or quarters, or raise run.maxPartnerQuarters (at most {4:N0})",
        partners, quarters, partners * quarters, maxPartnerQuarters, RunOptions.PartnerQuartersCeiling);
}
