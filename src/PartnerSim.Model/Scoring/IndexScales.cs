using System.Runtime.CompilerServices;

namespace PartnerSim.Model.Scoring;

/// <summary>
/// Metric value → IndexAchieved (0–10), rule book §3, for the scales of their own shape; the scales in equal
/// steps are options (<see cref="SteppedScale"/>). A value on a band edge falls in the lower band (5% → 1),
/// hence the ceilings.
/// </summary>
public static class IndexScales
{
    /// <summary>Onboard %: 0 → 0; (0,10] → 2; (10,15] → 3; … (40,45] → 9; > 45 → 10.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Onboard(double pct)
    {
        int steps = Steps(pct, 5, 10);
        return steps == 1 ? 2 : steps; // (0,5] scores as (5,10]
    }

    /// <summary>Adopt %: 0 → 0; (0,3] → 5; (3,6] → 6; (6,9] → 7; (9,12] → 8; (12,15] → 9; > 15 → 10.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Adopt(double pct)
    {
        int steps = Steps(pct, 3, 6);
        return steps == 0 ? 0 : 4 + steps;
    }

    /// <summary>
    /// How many <paramref name="width"/>-wide steps it takes to cover x (so an edge belongs to the lower band),
    /// 0 for x ≤ 0, at most <paramref name="max"/>. Written as a clamp rather than a chain of comparisons: these
    /// values vary from partner to partner, and the branches of a chain were mispredicted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Steps(double x, double width, int max) => (int)Math.Min(Math.Max(Math.Ceiling(x / width), 0), max);

    /// <summary>min(10, floor(10 × achieved / target)) in exact integer arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AgainstTarget(long achieved, long target) =>
        target <= 0 ? 10 : (int)Math.Min(10, Math.Max(0, 10 * achieved / target));
}
