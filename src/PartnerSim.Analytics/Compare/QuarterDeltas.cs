using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Compare;

/// <summary>A quarter's every figure on both sides and its delta, by the dotted names of summary.json.</summary>
public sealed record QuarterDeltas(string Quarter, IReadOnlyList<FigureDelta> Figures)
{
    public FigureDelta? this[string name] => Figures.FirstOrDefault(f => f.Name == name);

    /// <summary>Every quarter both sides hold, in A's order, and every figure either side holds (A's first).</summary>
    public static IReadOnlyList<QuarterDeltas> Of(RunSide a, RunSide b, bool paired)
    {
        var quarters = a.First.PerQuarter.Select(q => q.Quarter).Where(q => b.First.PerQuarter.Any(x => x.Quarter == q)).ToList();
        var result = new List<QuarterDeltas>();
        foreach (var quarter in quarters)
        {
            var aq = a.Runs.Select(r => Find(r.Summary, quarter)).ToList();
            var bq = b.Runs.Select(r => Find(r.Summary, quarter)).ToList();
            var names = aq[0].FigureNames.Concat(bq[0].FigureNames).Distinct().ToList();
            result.Add(new QuarterDeltas(quarter, [.. names.Select(name =>
                DeltaInterval.Of(name, [.. aq.Select(q => Value(q, name))], [.. bq.Select(q => Value(q, name))], paired))]));
        }
        return result;
    }

    private static QuarterRecord Find(RunSummary run, string quarter) => run.PerQuarter.First(q => q.Quarter == quarter);

    private static double? Value(QuarterRecord q, string name) => q[name] is { } v ? (double)v : null;
}
