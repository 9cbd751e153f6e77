using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// Two sides compared, B against A: the parameters that differ, the headline, every quarter figure and every segment
/// figure with its delta (B − A), and where both sides are one run with the same seed and partner-quarter detail, the
/// paired differences partner by partner. Sides of replicates are compared by their means, with 95% confidence
/// intervals of the deltas, paired by seed when both sides ran the same seeds.
/// </summary>
public sealed class RunComparison
{
    public required RunSide A { get; init; }
    public required RunSide B { get; init; }
    /// <summary>Both sides ran the same seeds: replicate i of A and of B hold the same partners.</summary>
    public required bool Paired { get; init; }
    public required IReadOnlyList<ParameterDifference> Parameters { get; init; }
    public required IReadOnlyList<FigureDelta> Headline { get; init; }
    public required IReadOnlyList<QuarterDeltas> Quarters { get; init; }
    public required SegmentDeltas Segments { get; init; }
    public required PartnerDifferences? Partners { get; init; }
    /// <summary>Why there is no partner-by-partner comparison, when there is none.</summary>
    public required string? PartnersNote { get; init; }

    public bool HasIntervals => A.IsReplicateSet || B.IsReplicateSet;

    public int QuarterFigures => Quarters.Sum(q => q.Figures.Count);

    public int QuarterFiguresDiffering => Quarters.Sum(q => q.Figures.Count(f => !f.IsZero));

    public static RunComparison Of(RunSide a, RunSide b)
    {
        bool paired = a.Seeds.Order().SequenceEqual(b.Seeds.Order()) && a.Seeds.Distinct().Count() == a.Seeds.Count;
        if (paired)
        {
            a = a with { Runs = [.. a.Runs.OrderBy(r => r.Summary.Seed)] };
            b = b with { Runs = [.. b.Runs.OrderBy(r => r.Summary.Seed)] };
        }
        var (partners, note) = PairedPartners(a, b, paired);
        var headlineNames = a.First.Headline.Concat(b.First.Headline).Select(h => h.Name).Distinct();
        return new RunComparison
        {
            A = a,
            B = b,
            Paired = paired,
            Parameters = ParameterDifference.Of(a, b),
            Headline = [.. headlineNames.Select(name => DeltaInterval.Of(name,
                [.. a.Runs.Select(r => (double?)r.Summary.HeadlineFigure(name))], [.. b.Runs.Select(r => (double?)r.Summary.HeadlineFigure(name))], paired))],
            Quarters = QuarterDeltas.Of(a, b, paired),
            Segments = SegmentDeltas.Of(a, b, paired),
            Partners = partners,
            PartnersNote = note,
        };
    }

    private static (PartnerDifferences?, string?) PairedPartners(RunSide a, RunSide b, bool paired)
    {
        if (a.IsReplicateSet || b.IsReplicateSet)
            return (null, "The partner-by-partner comparison needs one run a side; compare two single runs of the same seed for it.");
        if (!paired)
            return (null, $"The runs have different seeds ({a.First.Seed} and {b.First.Seed}), so they hold different partners: there is no partner-by-partner comparison.");
        var missing = new[] { a, b }.Where(s => s.Runs[0].DetailPath is null).Select(s => s.Runs[0].Directory).ToList();
        if (missing.Count > 0)
            return (null, $"No partner-quarter detail ({RunFiles.DetailFile}) in {string.Join(" and ", missing)}: run with partner detail " +
                "(all or sample:N) on both sides for the partner-by-partner comparison.");
        return (PartnerDifferences.OfAsync(a.Runs[0].DetailPath!, b.Runs[0].DetailPath!).GetAwaiter().GetResult(), null);
    }
}
