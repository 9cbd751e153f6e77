using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Money;

/// <summary>
/// §5 payment: rebates earned in a quarter are paid at the end of the quarter <c>paymentLagQuarters</c> later
/// (the first quarters of a run pay nothing: nothing was earned inside the run). A missed payment is a
/// payment from a Cisco 360 earning quarter whose CPI is 0 while the legacy rules would have paid.
/// </summary>
public static class Payment
{
    public readonly record struct Paid(long CpiCents, long LegacyCents, bool Missed);

    public static Paid Settle(PartnerState s, int quarter, long cpiEarnedCents, long legacyEarnedCents, RuleBook rules)
    {
        int lag = s.OwedCpiCents.Length;
        long cpi = cpiEarnedCents, legacy = legacyEarnedCents;
        if (lag > 0)
        {
            cpi = s.OwedCpiCents[0];
            legacy = s.OwedLegacyCents[0];
            for (int k = 0; k < lag - 1; k++)
            {
                s.OwedCpiCents[k] = s.OwedCpiCents[k + 1];
                s.OwedLegacyCents[k] = s.OwedLegacyCents[k + 1];
            }
            s.OwedCpiCents[lag - 1] = cpiEarnedCents;
            s.OwedLegacyCents[lag - 1] = legacyEarnedCents;
        }
        int earnedIn = quarter - lag;
        bool cpiRegime = earnedIn >= 0 && rules.IsLaunched(earnedIn);
        bool missed = cpiRegime && cpi == 0 && legacy > 0;
        s.MissedPayment = missed;
        if (missed) s.LossSeen = true;
        return cpiRegime ? new Paid(cpi, 0, missed) : new Paid(0, earnedIn >= 0 ? legacy : 0, missed);
    }
}
