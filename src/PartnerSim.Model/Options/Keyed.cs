using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Options;

/// <summary>A value per portfolio, written in YAML as a map <c>{ networking: …, security: … }</c>.</summary>
public sealed record PerPortfolio<T>
{
    public T Networking { get; init; } = default!;
    public T Security { get; init; } = default!;
    public T CloudAI { get; init; } = default!;
    public T Collaboration { get; init; } = default!;
    public T Services { get; init; } = default!;

    public T this[Portfolio p] => p switch
    {
        Portfolio.Networking => Networking, Portfolio.Security => Security, Portfolio.CloudAI => CloudAI,
        Portfolio.Collaboration => Collaboration, _ => Services,
    };

    public T[] ToArray() => [Networking, Security, CloudAI, Collaboration, Services];
}

/// <summary>A value per t-shirt size.</summary>
public sealed record PerSize<T>
{
    public T S { get; init; } = default!;
    public T M { get; init; } = default!;
    public T L { get; init; } = default!;
    public T XL { get; init; } = default!;

    public T this[PartnerSize s] => s switch { PartnerSize.S => S, PartnerSize.M => M, PartnerSize.L => L, _ => XL };
    public T[] ToArray() => [S, M, L, XL];
}

/// <summary>A value per legacy tier.</summary>
public sealed record PerTier<T>
{
    public T Registered { get; init; } = default!;
    public T Select { get; init; } = default!;
    public T Premier { get; init; } = default!;
    public T Gold { get; init; } = default!;

    public T this[LegacyTier t] => t switch
    {
        LegacyTier.Registered => Registered, LegacyTier.Select => Select, LegacyTier.Premier => Premier, _ => Gold,
    };
    public T[] ToArray() => [Registered, Select, Premier, Gold];
}

/// <summary>A value per archetype.</summary>
public sealed record PerArchetype<T>
{
    public T Strategist { get; init; } = default!;
    public T Traditionalist { get; init; } = default!;
    public T Unaware { get; init; } = default!;
    public T Waiting { get; init; } = default!;

    public T this[Archetype a] => a switch
    {
        Archetype.Strategist => Strategist, Archetype.Traditionalist => Traditionalist,
        Archetype.Unaware => Unaware, _ => Waiting,
    };
    public T[] ToArray() => [Strategist, Traditionalist, Unaware, Waiting];
}

/// <summary>A value per Black Belt certificate stage (1, 2, 3).</summary>
public sealed record PerStage<T>
{
    public T Stage1 { get; init; } = default!;
    public T Stage2 { get; init; } = default!;
    public T Stage3 { get; init; } = default!;

    public T[] ToArray() => [Stage1, Stage2, Stage3];
}

/// <summary>A normal distribution's mean and standard deviation (the mean's range is the enclosing option's).</summary>
public sealed record MeanSd
{
    public double Mean { get; init; }
    [Range(0, 1000)]
    public double Sd { get; init; }
}

/// <summary>An inclusive integer range.</summary>
public sealed record IntRange
{
    public int Min { get; init; }
    public int Max { get; init; }
}

/// <summary>A factor low + spread × u, u uniform on [0, 1).</summary>
public sealed record UniformSpread
{
    [Range(0, 100, MinExclusive = true)]
    public double Low { get; init; }
    [Range(0, 100)]
    public double Spread { get; init; }
}
