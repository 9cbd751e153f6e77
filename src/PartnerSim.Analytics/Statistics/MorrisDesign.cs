using MathNet.Numerics;
using PartnerSim.Model.Random;

namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// Morris screening trajectories (Morris 1991, "Factorial sampling plans for preliminary computational
/// experiments", Technometrics 33; Δ as Campolongo, Cariboni and Saltelli 2007): r walks on a grid of p levels
/// {0, 1/(p−1), …, 1} in each unit coordinate, each of d + 1 points, moving one factor at a time by ±Δ with
/// Δ = p / (2(p − 1)). d + 1 runs per trajectory buy one elementary effect of every factor, so a few hundred
/// runs rank dozens of factors.
/// </summary>
public sealed class MorrisDesign
{
    private readonly double[][] _points;
    private readonly int[][] _moved;

    private MorrisDesign(int trajectories, int dimension, int levels, double[][] points, int[][] moved) =>
        (Trajectories, Dimension, Levels, _points, _moved) = (trajectories, dimension, levels, points, moved);

    public int Trajectories { get; }

    public int Dimension { get; }

    /// <summary>p, the grid's levels per coordinate.</summary>
    public int Levels { get; }

    /// <summary>The step, p / (2(p − 1)): with p even every level has a partner Δ away, so all p levels are equally likely to be visited.</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    /// <summary>
    /// Every unit point to run, trajectory by trajectory: trajectory t is points t(d + 1) … t(d + 1) + d
    /// (<see cref="IndexOf"/>), and step s moves factor <see cref="MovedFactor"/>(t, s) from point s to s + 1.
    /// </summary>
    public IReadOnlyList<double[]> Points => _points;

    public int IndexOf(int trajectory, int point) => trajectory * (Dimension + 1) + point;

    /// <summary>The factor whose coordinate changes between points <paramref name="step"/> and step + 1 of a trajectory.</summary>
    public int MovedFactor(int trajectory, int step) => _moved[trajectory][step];

    /// <summary>
    /// r trajectories for d factors on a p-level grid (p even, at least 2). Trajectory t draws from stream
    /// <see cref="RandomStream.MorrisTrajectory"/>, partner t: a base level in {0, …, p/2 − 1} and a direction for
    /// each factor, then the order in which the factors move (Morris's x*, D* and P*).
    /// </summary>
    public static MorrisDesign Create(int trajectories, int dimension, ulong seed, int levels = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (levels < 2 || levels % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "Morris grids need an even number of levels, at least 2.");
        int d = dimension, jump = levels / 2; // Δ in grid steps
        double spacing = levels - 1;
        var points = new double[trajectories * (d + 1)][];
        var moved = new int[trajectories][];
        var rng = new CounterRandom(seed);
        var level = new int[d];
        var up = new bool[d];
        for (int t = 0; t < trajectories; t++)
        {
            rng.At(t, 0, RandomStream.MorrisTrajectory);
            for (int j = 0; j < d; j++)
            {
                int baseLevel = rng.Next(jump);
                up[j] = rng.Next(2) == 0;
                // A factor that moves down starts Δ above its base, so it ends on the base.
                level[j] = up[j] ? baseLevel : baseLevel + jump;
            }
            int[] order = Combinatorics.GeneratePermutation(d, rng);
            int first = t * (d + 1);
            points[first] = level.Select(l => l / spacing).ToArray();
            for (int s = 0; s < d; s++)
            {
                int j = order[s];
                level[j] += up[j] ? jump : -jump;
                points[first + s + 1] = level.Select(l => l / spacing).ToArray();
            }
            moved[t] = order;
        }
        return new MorrisDesign(trajectories, d, levels, points, moved);
    }
}
