namespace PartnerSim.Model.Money;

/// <summary>What one partner's deals earned in one quarter, in USD before rounding to cents.</summary>
public struct QuarterMoney
{
    public int Deals;
    public double BookingsUsd;
    /// <summary>Cisco 360 CPI earned (0 before launch: there is no CPI regime yet).</summary>
    public double CpiUsd;
    /// <summary>Legacy (VIP-like) rebate the same deals would have earned: the counterfactual.</summary>
    public double LegacyUsd;
    /// <summary>Front-end deal-registration discount (margin, not a rebate).</summary>
    public double DiscountUsd;

    public static long Cents(double usd) => (long)Math.Round(usd * 100, MidpointRounding.AwayFromZero);
}
