namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// One input an experiment varies: a range [<see cref="Low"/>, <see cref="High"/>] on a <see cref="FactorScale"/>,
/// or a list of discrete <see cref="Levels"/>. Designs are made in the unit cube and mapped through
/// <see cref="ValueAt"/>, so every design method serves every kind of factor.
/// </summary>
public sealed class Factor
{
    private readonly double[]? _levels;

    private Factor(string name, double low, double high, FactorScale scale, double[]? levels)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A factor needs a name.", nameof(name));
        (Name, Low, High, Scale, _levels) = (name, low, high, scale, levels);
    }

    public string Name { get; }

    /// <summary>The range's lower end (the first level for a discrete factor).</summary>
    public double Low { get; }

    /// <summary>The range's upper end (the last level for a discrete factor).</summary>
    public double High { get; }

    /// <summary>The range's scale (<see cref="FactorScale.Uniform"/> for a discrete factor, whose levels are equally likely).</summary>
    public FactorScale Scale { get; }

    /// <summary>The discrete levels in order, or null for a range.</summary>
    public IReadOnlyList<double>? Levels => _levels;

    public bool IsDiscrete => _levels is not null;

    /// <summary>A continuous factor on [low, high]; a log-uniform one needs 0 &lt; low.</summary>
    public static Factor Range(string name, double low, double high, FactorScale scale = FactorScale.Uniform)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low < high))
            throw new ArgumentException($"Factor '{name}': the range needs finite low < high, not [{low}, {high}].");
        if (scale == FactorScale.LogUniform && !(low > 0))
            throw new ArgumentException($"Factor '{name}': a log-uniform range needs low > 0, not {low}.");
        if (!Enum.IsDefined(scale)) throw new ArgumentOutOfRangeException(nameof(scale));
        return new Factor(name, low, high, scale, null);
    }

    /// <summary>A discrete factor taking one of the given levels, each equally likely.</summary>
    public static Factor Discrete(string name, params double[] levels)
    {
        if (levels is null || levels.Length == 0) throw new ArgumentException($"Factor '{name}': needs at least one level.");
        if (levels.Any(v => !double.IsFinite(v))) throw new ArgumentException($"Factor '{name}': levels must be finite numbers.");
        var copy = levels.ToArray();
        return new Factor(name, copy[0], copy[^1], FactorScale.Uniform, copy);
    }

    /// <summary>
    /// The level a unit coordinate falls on: floor(u·k) of k levels. u = 1 is accepted and gives the last level,
    /// because Morris grids include the cube's upper face.
    /// </summary>
    public int LevelAt(double u)
    {
        if (_levels is null) throw new InvalidOperationException($"Factor '{Name}' is a range, not discrete levels.");
        CheckUnit(u);
        return Math.Min((int)Math.Floor(u * _levels.Length), _levels.Length - 1);
    }

    /// <summary>The factor's value at a unit coordinate u ∈ [0, 1] (the inverse CDF of the factor's distribution).</summary>
    public double ValueAt(double u)
    {
        if (_levels is not null) return _levels[LevelAt(u)];
        CheckUnit(u);
        return Scale == FactorScale.LogUniform
            ? Low * Math.Pow(High / Low, u)
            : Low + u * (High - Low);
    }

    private void CheckUnit(double u)
    {
        if (!(u >= 0 && u <= 1)) throw new ArgumentOutOfRangeException(nameof(u), u, $"Factor '{Name}': a unit coordinate must lie in [0, 1].");
    }
}
