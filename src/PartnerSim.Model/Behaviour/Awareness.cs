using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Behaviour;

/// <summary>§6.1: who has "got the memo".</summary>
public static class Awareness
{
    /// <param name="draw">The quarter's awareness draw (<see cref="QuarterDraws.Awareness"/>).</param>
    public static void Apply(PartnerState s, int quarter, RuleBook rules, double draw)
    {
        if (s.Aware) return;
        if (s.Archetype != Archetype.Unaware || (s.ManagedBy != ManagedBy.None && rules.IsLaunched(quarter)))
        {
            s.Aware = true;
            return;
        }
        var b = rules.Options.Behaviour;
        double p = s.LossSeen ? b.PAwareAfterLoss : b.PAware;
        if (draw < p) s.Aware = true;
    }
}
