namespace PartnerSim.Model.Figures;

/// <summary>
/// One written value derived from a declared figure: a count or sum, a mean, a share, a quantile, or one key of a
/// keyed figure. Tables, summary.json and the report are lists of these, so each is generated, never listed by hand.
/// </summary>
/// <param name="Read">The value in written units (dollars, PVI, partners); null where it is undefined (an empty quantile).</param>
/// <param name="Additive">A count or a sum, which adds up over quarters (a mean, share or quantile does not).</param>
public sealed record FigureColumn<T>(string Name, FigureUnit Unit, string Description, Func<T, decimal?> Read, bool Additive = false)
{
    /// <summary>The same column read from something that leads to a <typeparamref name="T"/>, under another name.</summary>
    public FigureColumn<TFrom> From<TFrom>(string name, Func<TFrom, T> via) => new(name, Unit, Description, x => Read(via(x)), Additive);
}

public static class FigureColumns
{
    /// <summary>
    /// The columns of a segment: each count, with its share of the segment's partners; each quantity's sum (not for
    /// PVI), mean and quantiles; each distribution's quantiles.
    /// </summary>
    public static IReadOnlyList<FigureColumn<SegmentTotals>> Segment(FigureSet set)
    {
        var partners = set.Segment.First(f => f.Reduction == SegmentReduction.Count);
        var columns = new List<FigureColumn<SegmentTotals>>();
        foreach (var f in set.Segment)
        {
            string cap = char.ToUpperInvariant(f.Name[0]) + f.Name[1..];
            if (f.Reduction == SegmentReduction.Count)
            {
                columns.Add(new(f.Name, f.Unit, f.Description, t => t[f], Additive: true));
                if (f != partners)
                    columns.Add(new("share" + cap, FigureUnit.Ratio, $"share of the segment's partners: {f.Description}",
                        t => t[partners] == 0 ? null : FigureUnit.Ratio.Written((double)t[f] / t[partners])));
                continue;
            }
            if (f.Reduction == SegmentReduction.Quantity)
            {
                if (f.Unit != FigureUnit.Pvi)
                    columns.Add(new(f.Name, f.Unit, $"{f.Description}, summed", t => f.Unit.Written(t[f]), Additive: true));
                columns.Add(new("mean" + cap, f.Unit, $"{f.Description}, mean per partner",
                    t => t[partners] == 0 ? null : f.Unit.Written((double)t[f] / t[partners])));
            }
            for (int i = 0; i < f.Quantiles.Count; i++)
            {
                double q = f.Quantiles[i];
                columns.Add(new(f.QuantileNames[i], f.Unit, $"{f.Description}, quantile {q:0.##}",
                    t => t.Quantile(f, q) is { } v ? f.Unit.Written(v) : null));
            }
        }
        return columns;
    }

    /// <summary>
    /// The population figures as flat columns: scalars, and each key of a keyed figure (<c>bands.partner</c>).
    /// Histograms, tables and per-portfolio figures are left out (they have outputs of their own).
    /// </summary>
    public static IReadOnlyList<FigureColumn<QuarterStats>> Population(FigureSet set)
    {
        var columns = new List<FigureColumn<QuarterStats>>();
        foreach (var f in set.Population)
        {
            if (f.Reduction is PopulationReduction.Count or PopulationReduction.Sum)
                columns.Add(new(f.Name, f.Unit, f.Description, s => f.Unit.Written(s.Total(f)), Additive: true));
            else if (f.Reduction == PopulationReduction.Keyed && !f.IsHistogram)
                for (int k = 0; k < f.Keys.Count; k++)
                {
                    int key = k;
                    columns.Add(new($"{f.Name}.{f.Keys[k]}", f.Unit, $"{f.Description}: {f.Keys[k]}",
                        s => f.Unit.Written(s.Keyed(f)[key]), Additive: true));
                }
        }
        return columns;
    }
}
