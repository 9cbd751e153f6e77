using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;

namespace PartnerSim.Tests.Model;

/// <summary>Hand-made partners and quiet scenarios (no actions, no awareness draws, no noise).</summary>
internal static class ModelFixtures
{
    public static ScenarioOptions Quiet(MoneyOptions? money = null) => new()
    {
        Money = money ?? new MoneyOptions(),
        Behaviour = new BehaviourOptions
        {
            PAware = 0, PAwareAfterLoss = 0,
            PAct = new PerArchetype<double> { Strategist = 0, Traditionalist = 0, Unaware = 0, Waiting = 0 },
            PLeave = 0,
            QuarterNoiseSigma = 0,
            GrowthMetricNoisePoints = 0,
        },
    };

    /// <summary>
    /// A size-M Networking-only Traditionalist with flat bookings (growthPct 0 → ACV = TCV = 0 % → index 0)
    /// and no metrics: callers set the metrics they want.
    /// </summary>
    public static PartnerState Networker(long id, double annualBookingsUsd = 4_000_000)
    {
        var s = new PartnerState
        {
            Id = id,
            AnnualBookingsUsd = annualBookingsUsd,
            GrowthPct = 0,
            Employees = 20,
            LegacyTier = LegacyTier.Select,
            LegacyProvider = LegacyProvider.None,
            Archetype = Archetype.Traditionalist,
            ManagedBy = ManagedBy.None,
        };
        s.PortfolioShare[(int)Portfolio.Networking] = 1.0;
        return s;
    }

    public static PartnerState Complete(PartnerState s, RuleBook book)
    {
        s.Size = book.SizeOf(s.AnnualBookingsUsd);
        PartnerFactory.Complete(s, book);
        return s;
    }
}
