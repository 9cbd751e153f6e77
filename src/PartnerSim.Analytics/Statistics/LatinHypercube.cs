using MathNet.Numerics;
using PartnerSim.Model.Random;

namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// Latin hypercube designs (McKay, Beckman and Conover 1979): of n points, each factor's n strata
/// [k/n, (k+1)/n) hold exactly one, so every factor's range is covered evenly with as few runs as there are
/// points, whatever the dimension.
/// </summary>
public static class LatinHypercube
{
    /// <summary>
    /// n unit points in d dimensions (rows are points). Factor j's strata are visited in a random order
    /// (a permutation drawn from stream <see cref="RandomStream.LatinHypercube"/>, partner j, quarter 0) and each
    /// point sits at a random place in its stratum (quarter 1), so the same seed gives the same design bit for bit.
    /// </summary>
    public static double[][] UnitPoints(int count, int dimension, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var points = new double[count][];
        for (int i = 0; i < count; i++) points[i] = new double[dimension];
        var rng = new CounterRandom(seed);
        for (int j = 0; j < dimension; j++)
        {
            int[] strata = Combinatorics.GeneratePermutation(count, rng.At(j, 0, RandomStream.LatinHypercube));
            rng.At(j, 1, RandomStream.LatinHypercube);
            for (int i = 0; i < count; i++) points[i][j] = Stratum.Place(strata[i], count, rng.Uniform());
        }
        return points;
    }
}
