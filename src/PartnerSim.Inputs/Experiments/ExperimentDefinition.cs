namespace PartnerSim.Inputs.Experiments;

/// <summary>Where something was written in a file (1-based), so later checks can still name its line.</summary>
public sealed record FileLocation(string File, int Line, int Column);

/// <summary>How an experiment places its design points in the factors' unit cube.</summary>
public enum DesignMethod
{
    /// <summary>Every combination of the factors' levels; a range contributes <see cref="DesignDefinition.Samples"/> evenly spaced values.</summary>
    Grid,
    /// <summary>A Latin hypercube of <see cref="DesignDefinition.Samples"/> points.</summary>
    Lhs,
    /// <summary>A Saltelli sample of <see cref="DesignDefinition.Samples"/> base rows: first-order and total Sobol indices.</summary>
    Sobol,
    /// <summary><see cref="DesignDefinition.Samples"/> Morris trajectories on a grid of <see cref="DesignDefinition.Levels"/> levels: μ*, μ and σ.</summary>
    Morris,
}

/// <param name="Samples">Grid: values per range factor; lhs: points; sobol: base rows N; morris: trajectories.</param>
/// <param name="Levels">Morris only: the levels p of its grid (even).</param>
public sealed record DesignDefinition(DesignMethod Method, int Samples, int Levels, FileLocation At)
{
    /// <summary>How many design points these factors make (saturating at <see cref="long.MaxValue"/>).</summary>
    public long Points(IReadOnlyList<FactorDefinition> factors)
    {
        int d = factors.Count;
        return Method switch
        {
            DesignMethod.Lhs => Samples,
            DesignMethod.Sobol => (long)Samples * (d + 2),
            DesignMethod.Morris => (long)Samples * (d + 1),
            _ => (long)Math.Min(long.MaxValue, factors.Aggregate(1.0, (n, f) => n * f.GridValues(Samples))),
        };
    }
}

/// <summary>
/// One factor: a scenario key and either its listed <see cref="Levels"/> (as written, each equally likely) or a
/// range [<see cref="Low"/>, <see cref="High"/>]. A range over a whole-number key is its whole numbers, each equally
/// likely (<see cref="WholeNumbers"/>).
/// </summary>
public sealed record FactorDefinition(string Key, IReadOnlyList<string>? Levels, double Low, double High, bool LogUniform,
    bool WholeNumbers, FileLocation At)
{
    public bool IsRange => Levels is null;

    /// <summary>The values it takes: its levels, a whole-number range's whole numbers, or null for a continuous range.</summary>
    public long? DiscreteCount => Levels is not null ? Levels.Count : WholeNumbers ? (long)(High - Low) + 1 : null;

    /// <summary>How many values it takes in a grid whose continuous ranges take <paramref name="samples"/> values each.</summary>
    public double GridValues(int samples) => DiscreteCount ?? samples;
}

/// <summary>A named output: a figure query (<c>fatMiddle.shortfallUsd@launch</c>) evaluated on every run.</summary>
public sealed record OutputDefinition(string Name, string Query, FileLocation At);

/// <summary>
/// An experiment file as written: the base scenario, the factors, the design, the replicates and the outputs.
/// Checked for everything the file alone can tell (keys, types, ranges, the factors' scenario keys); the outputs'
/// figure names and each design point's scenario are checked when the experiment is planned.
/// </summary>
/// <param name="Seed">The master seed; null: the base scenario's <c>run.seed</c>.</param>
public sealed record ExperimentDefinition(string File, string Name, string Description, string BaseScenario, ulong? Seed,
    int Replicates, DesignDefinition Design, IReadOnlyList<FactorDefinition> Factors, IReadOnlyList<OutputDefinition> Outputs,
    FileLocation FactorsAt);
