using System.Globalization;
using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// A factor of an experiment: the scenario key it sets and its distribution (<see cref="Statistics.Factor"/>), with
/// the text each value is written as in the scenario. Listed levels keep their text (<c>&gt;=</c>, <c>basic</c>); their
/// number is the level itself when every level is a number, else the level's position (0, 1, …), so plots and
/// tables can still place it.
/// </summary>
public sealed class ExperimentFactor
{
    private readonly IReadOnlyList<string>? _texts;

    private ExperimentFactor(string key, Factor factor, IReadOnlyList<string>? texts, bool isText) =>
        (Key, Factor, _texts, IsText) = (key, factor, texts, isText);

    /// <summary>The scenario key, e.g. <c>rules.partnerThreshold</c>.</summary>
    public string Key { get; }

    public Factor Factor { get; }

    /// <summary>True when its levels are words, not numbers.</summary>
    public bool IsText { get; }

    /// <summary>The listed levels as written, or null for a range.</summary>
    public IReadOnlyList<string>? LevelTexts => _texts;

    /// <summary>Listed levels, each equally likely.</summary>
    public static ExperimentFactor Levels(string key, IReadOnlyList<string> levels)
    {
        var numbers = levels.Select(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToArray();
        bool isText = numbers.Any(v => v is null);
        var values = isText ? levels.Select((_, i) => (double)i).ToArray() : numbers.Select(v => v!.Value).ToArray();
        return new ExperimentFactor(key, Factor.Discrete(key, values), levels.ToArray(), isText);
    }

    /// <summary>Every whole number from <paramref name="low"/> to <paramref name="high"/>, each equally likely.</summary>
    public static ExperimentFactor WholeNumbers(string key, long low, long high)
    {
        var values = new double[high - low + 1];
        for (int i = 0; i < values.Length; i++) values[i] = low + i;
        return new ExperimentFactor(key, Factor.Discrete(key, values), null, false);
    }

    public static ExperimentFactor Range(string key, double low, double high, FactorScale scale) =>
        new(key, Factor.Range(key, low, high, scale), null, false);

    /// <summary>The factor's number at a unit coordinate (a word level's position).</summary>
    public double Number(double u) => Factor.ValueAt(u);

    /// <summary>The factor's value at a unit coordinate as the scenario takes it.</summary>
    public string Text(double u) => _texts is not null
        ? _texts[Factor.LevelAt(u)]
        : Factor.ValueAt(u).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The label of a number this factor takes (a word level's text), for axes and tables.</summary>
    public string Label(double number) => IsText ? _texts![(int)number] : number.ToString("G6", CultureInfo.InvariantCulture);
}
