using System.Globalization;

namespace PartnerSim.Model.Options;

/// <summary>
/// The documented range of a numeric option, bounds included unless marked exclusive. On an option holding a
/// record or a map (PerPortfolio, MeanSd, …) it is the range of every number inside that declares none of its
/// own. The validator checks every number against it, the JSON schema states it and the run's assumptions quote it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public class RangeAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
    public bool MinExclusive { get; set; }
    public bool MaxExclusive { get; set; }

    public bool Contains(double value) =>
        (MinExclusive ? value > Min : value >= Min) && (MaxExclusive ? value < Max : value <= Max);

    /// <summary>Interval notation, <c>[0, 1]</c> or <c>(0, 1000]</c>, the bounds written as values of <paramref name="type"/>.</summary>
    public string Text(Type type) =>
        $"{(MinExclusive ? '(' : '[')}{Bound(Min, type)}, {Bound(Max, type)}{(MaxExclusive ? ')' : ']')}";

    /// <summary>The one-line reason a value outside the range is refused.</summary>
    public virtual string Refusal(double value, Type type) => MinExclusive || MaxExclusive
        ? $"must be in {Text(type)} (got {Value(value)})"
        : $"must be between {Bound(Min, type)} and {Bound(Max, type)} (got {Value(value)})";

    protected static string Value(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>A bound as a value of the option's type: an integer bound is clipped to what the type holds (a ulong seed's 2⁶⁴ − 1).</summary>
    public static string Bound(double bound, Type type)
    {
        if (!OptionRanges.IsIntegral(type)) return Value(bound);
        decimal lo = type == typeof(int) ? int.MinValue : type == typeof(long) ? long.MinValue : ulong.MinValue;
        decimal hi = type == typeof(int) ? int.MaxValue : type == typeof(long) ? long.MaxValue : ulong.MaxValue;
        var d = Math.Clamp(bound >= 1e29 ? decimal.MaxValue : bound <= -1e29 ? decimal.MinValue : (decimal)bound, lo, hi);
        return d.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A probability or a share: [0, 1].</summary>
public sealed class ProbabilityAttribute() : RangeAttribute(0, 1)
{
    public override string Refusal(double value, Type type) => $"must be a probability between 0 and 1 (got {Value(value)})";
}
