using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// The design points of an experiment in the factors' unit cube, by method, with what its analysis needs: the
/// Saltelli sample behind Sobol indices, the trajectories behind Morris effects. Seeded designs draw from the
/// experiment's master seed (each method on a stream of its own, apart from the replicates' seeds).
/// </summary>
public sealed class ExperimentDesign
{
    private ExperimentDesign(string method, int samples, IReadOnlyList<double[]> points, SaltelliDesign? saltelli = null,
        MorrisDesign? morris = null) =>
        (Method, Samples, Points, Saltelli, Morris) = (method, samples, points, saltelli, morris);

    /// <summary>grid, lhs, sobol or morris: the word of the experiment file.</summary>
    public string Method { get; }

    /// <summary>The design's sample size as the file gives it (values per range, points, base rows or trajectories).</summary>
    public int Samples { get; }

    public IReadOnlyList<double[]> Points { get; }

    public SaltelliDesign? Saltelli { get; }

    public MorrisDesign? Morris { get; }

    public static ExperimentDesign Grid(IReadOnlyList<Factor> factors, int samples) =>
        new("grid", samples, GridDesign.UnitPoints(factors, samples));

    public static ExperimentDesign LatinHypercube(int dimension, int samples, ulong seed) =>
        new("lhs", samples, Statistics.LatinHypercube.UnitPoints(samples, dimension, seed));

    public static ExperimentDesign Sobol(int dimension, int samples, ulong seed)
    {
        var design = SaltelliDesign.Create(samples, dimension, seed);
        return new("sobol", samples, design.Points, saltelli: design);
    }

    public static ExperimentDesign MorrisScreening(int dimension, int trajectories, int levels, ulong seed)
    {
        var design = MorrisDesign.Create(trajectories, dimension, seed, levels);
        return new("morris", trajectories, design.Points, morris: design);
    }
}
