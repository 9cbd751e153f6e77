namespace PartnerSim.Inputs.Rosters;

/// <summary>The roster CSV format: required columns, then the optional ones a roster may add.</summary>
public static class RosterColumns
{
    public static readonly string[] Required =
    [
        "partner_id", "annual_bookings_usd", "growth_pct", "legacy_tier", "legacy_provider", "archetype", "managed_by",
        "employees", "cspm", "mspm", "black_belt_points", "career_certs", "meraki_certs", "buying_program_pct",
        "onboard_pct", "adopt_pct",
    ];

    /// <summary>
    /// Optional columns; missing ones take the generator's draws. <c>black_belt_points_by_age</c> is the points
    /// earned 0, 1, 2 … quarters before the run, separated by ';' (it replaces <c>black_belt_points</c>, which
    /// otherwise counts as earned in the quarter before the run).
    /// </summary>
    public static readonly string[] Optional =
    [
        "meraki_registered", "aap_pct", "ai_bookings_pct", "premium_services_pct", "otrr_pct", "powered_services",
        "acv_growth_pct", "tcv_growth_pct", "share_networking", "share_security", "share_cloudai",
        "share_collaboration", "share_services", "black_belt_points_by_age",
    ];
}
