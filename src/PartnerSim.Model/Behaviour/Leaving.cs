using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Behaviour;

/// <summary>§6.6: a Waiting partner left below the partner band goes to another vendor.</summary>
public static class Leaving
{
    /// <param name="draw">The quarter's leaving draw (<see cref="QuarterDraws.Leaving"/>).</param>
    /// <returns>True when the partner leaves this quarter.</returns>
    public static bool Apply(PartnerState s, int quarter, Band mainEffectiveBand, RuleBook rules, double draw)
    {
        if (!rules.IsLaunched(quarter)) return false;
        s.BelowPartnerQuarters = mainEffectiveBand < Band.Partner ? s.BelowPartnerQuarters + 1 : 0;
        var b = rules.Options.Behaviour;
        if (s.Archetype != Archetype.Waiting || s.BelowPartnerQuarters < b.LeaveAfterQuarters) return false;
        if (draw >= b.PLeave) return false;
        s.Active = false;
        return true;
    }
}
