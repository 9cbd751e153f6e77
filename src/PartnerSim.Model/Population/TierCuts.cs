using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Population;

/// <summary>
/// Minimum annual bookings of each legacy tier, found from the whole population's bookings rank once, so
/// that every partner can then be generated on its own (in its grain) from its id alone.
/// </summary>
public sealed record TierCuts(double GoldMinUsd, double PremierMinUsd, double SelectMinUsd)
{
    public LegacyTier TierOf(double bookingsUsd) =>
        bookingsUsd >= GoldMinUsd ? LegacyTier.Gold
        : bookingsUsd >= PremierMinUsd ? LegacyTier.Premier
        : bookingsUsd >= SelectMinUsd ? LegacyTier.Select
        : LegacyTier.Registered;
}
