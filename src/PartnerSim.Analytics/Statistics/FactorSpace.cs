namespace PartnerSim.Analytics.Statistics;

/// <summary>
/// The ordered factors of an experiment: coordinate j of a design's unit point is factor j. Names are unique so
/// results can be reported by name.
/// </summary>
public sealed class FactorSpace
{
    private readonly Factor[] _factors;

    public FactorSpace(IEnumerable<Factor> factors)
    {
        _factors = factors.ToArray();
        if (_factors.Length == 0) throw new ArgumentException("A factor space needs at least one factor.", nameof(factors));
        var repeated = _factors.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"Factor '{repeated.Key}' appears more than once.", nameof(factors));
    }

    public FactorSpace(params Factor[] factors) : this((IEnumerable<Factor>)factors) { }

    public IReadOnlyList<Factor> Factors => _factors;

    public int Dimension => _factors.Length;

    /// <summary>The position of a factor by name, or −1.</summary>
    public int IndexOf(string name) => Array.FindIndex(_factors, f => f.Name == name);

    /// <summary>The factor values at one unit point (one coordinate per factor, in order).</summary>
    public double[] ValuesAt(IReadOnlyList<double> unitPoint)
    {
        if (unitPoint.Count != _factors.Length)
            throw new ArgumentException($"A point of this space has {_factors.Length} coordinates, not {unitPoint.Count}.", nameof(unitPoint));
        var values = new double[_factors.Length];
        for (int j = 0; j < values.Length; j++) values[j] = _factors[j].ValueAt(unitPoint[j]);
        return values;
    }
}
