namespace PartnerSim.Analytics.Statistics;

/// <summary>The n equal strata [k/n, (k + 1)/n) of the unit interval, as stratified designs use them.</summary>
public static class Stratum
{
    /// <summary>The stratum of n that holds u: floor(u·n).</summary>
    public static int Of(double u, int count) => (int)Math.Floor(u * count);

    /// <summary>
    /// The point a fraction w ∈ [0, 1) into stratum k of n: (k + w)/n, moved by an ulp where rounding would carry it
    /// across the stratum's edge (e.g. (999 + (1 − 2⁻⁵³))/1000 rounds to 1), so that <see cref="Of"/> gives k back.
    /// </summary>
    public static double Place(int stratum, int count, double within)
    {
        double u = (stratum + within) / count;
        while (Of(u, count) > stratum) u = Math.BitDecrement(u);
        while (Of(u, count) < stratum) u = Math.BitIncrement(u);
        return u;
    }
}
