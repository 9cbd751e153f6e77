using PartnerSim.Model.Random;

namespace PartnerSim.Runs.Chaos;

public enum FaultKind { SiloKilled, ClientKilled, PostgresRestarted }

/// <summary>One fault of the drill: in which run quarter, of what kind, which silo (for a kill), how far into the quarter.</summary>
/// <param name="Into">The share of a quarter's usual duration waited after the quarter starts, in [0.2, 0.8).</param>
public sealed record ScheduledFault(int Quarter, FaultKind Kind, int Silo, double Into);

/// <summary>
/// The failure drill's faults, drawn from the project's counter-based generator (stream
/// <see cref="RandomStream.FailureDrill"/>) keyed by the drill's seed: the same seed gives the same drill. Every fault
/// gets its own quarter, never one of the first two: the first ends after creation, and the second's duration is what a
/// fault's timing inside its quarter is measured against.
/// </summary>
public static class FaultSchedule
{
    /// <summary>The first run quarter a fault may fall in.</summary>
    public const int FirstQuarter = 2;

    public static IReadOnlyList<ScheduledFault> Draw(ulong seed, int quarters, int siloKills, int silos)
    {
        var kinds = Enumerable.Repeat(FaultKind.SiloKilled, siloKills).Append(FaultKind.ClientKilled).Append(FaultKind.PostgresRestarted).ToList();
        if (quarters - FirstQuarter < kinds.Count)
            throw new Inputs.BadInputException($"--quarters: {kinds.Count} faults need at least {kinds.Count + FirstQuarter} quarters (got {quarters})");
        var rng = new CounterRandom(seed).At(0, 0, RandomStream.FailureDrill);
        double Uniform() => (rng.NextUInt64() >> 11) * (1.0 / (1UL << 53));
        // Fisher–Yates over the quarters that may have a fault, and over the kinds; the first kinds.Count quarters get them.
        var candidates = Enumerable.Range(FirstQuarter, quarters - FirstQuarter).ToArray();
        for (int i = candidates.Length - 1; i > 0; i--)
        {
            int j = (int)(Uniform() * (i + 1));
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }
        for (int i = kinds.Count - 1; i > 0; i--)
        {
            int j = (int)(Uniform() * (i + 1));
            (kinds[i], kinds[j]) = (kinds[j], kinds[i]);
        }
        return kinds.Select((kind, i) => new ScheduledFault(candidates[i], kind, (int)(Uniform() * silos), 0.2 + 0.6 * Uniform()))
            .OrderBy(f => f.Quarter).ToList();
    }
}
