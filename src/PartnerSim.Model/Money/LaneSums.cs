using System.Runtime.Intrinsics;

namespace PartnerSim.Model.Money;

/// <summary>Each vector lane's running sums of the deals it booked.</summary>
internal struct LaneSums
{
    public Vector256<double> Bookings, Legacy, Cpi, Discount;

    /// <summary>The quarter's money: each figure the lanes' sum, added in a fixed order whatever the hardware.</summary>
    public readonly QuarterMoney Total(int deals) => new()
    {
        Deals = deals,
        BookingsUsd = Sum(Bookings), LegacyUsd = Sum(Legacy), CpiUsd = Sum(Cpi), DiscountUsd = Sum(Discount),
    };

    private static double Sum(Vector256<double> lanes) => (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}
