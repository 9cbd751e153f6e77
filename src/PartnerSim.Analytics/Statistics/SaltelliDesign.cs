using PartnerSim.Model.Random;

namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// The sample of a Sobol sensitivity analysis by Saltelli's scheme (Saltelli et al. 2010, "Variance based
/// sensitivity analysis of model output", Comput. Phys. Commun. 181): two independent N×d matrices A and B of
/// unit points, and for each factor i the matrix AB_i, which is A with column i taken from B. N·(d + 2) model
/// runs give every factor's first-order and total index.
/// </summary>
public sealed class SaltelliDesign
{
    private readonly double[][] _points;

    private SaltelliDesign(int baseSamples, int dimension, double[][] points) =>
        (BaseSamples, Dimension, _points) = (baseSamples, dimension, points);

    /// <summary>N, the rows of A and of B.</summary>
    public int BaseSamples { get; }

    public int Dimension { get; }

    /// <summary>
    /// Every unit point to run, in the order <see cref="SobolAnalysis.Indices"/> expects the outputs: the rows of
    /// A (<see cref="IndexOfA"/>), then of B (<see cref="IndexOfB"/>), then of AB_1 … AB_d (<see cref="IndexOfAB"/>).
    /// </summary>
    public IReadOnlyList<double[]> Points => _points;

    public int IndexOfA(int row) => row;

    public int IndexOfB(int row) => BaseSamples + row;

    public int IndexOfAB(int factor, int row) => (2 + factor) * BaseSamples + row;

    /// <summary>
    /// A and B from pseudo-random uniforms: row r is draw r of stream <see cref="RandomStream.SaltelliSample"/>
    /// (partner r), its d coordinates of A then its d of B. Rows are independent, which the bootstrap's
    /// resampling of rows assumes.
    /// </summary>
    public static SaltelliDesign Create(int baseSamples, int dimension, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        int n = baseSamples, d = dimension;
        var points = new double[n * (d + 2)][];
        var rng = new CounterRandom(seed);
        for (int r = 0; r < n; r++)
        {
            rng.At(r, 0, RandomStream.SaltelliSample);
            var a = new double[d];
            var b = new double[d];
            for (int j = 0; j < d; j++) a[j] = rng.Uniform();
            for (int j = 0; j < d; j++) b[j] = rng.Uniform();
            points[r] = a;
            points[n + r] = b;
            for (int i = 0; i < d; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                points[(2 + i) * n + r] = ab;
            }
        }
        return new SaltelliDesign(n, d, points);
    }
}
