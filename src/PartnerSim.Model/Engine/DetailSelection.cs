using System.Globalization;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Engine;

public enum DetailMode { None, All, Sample }

/// <summary>
/// Which partners the partner-quarter detail file records: all of them, none, or a sample of exactly N drawn by the
/// counter-based generator (the N partners whose draw is lowest), so a sample is the same on every engine and thread
/// count and every partner of it is followed through every quarter.
/// </summary>
public sealed record DetailSelection(DetailMode Mode, int SampleSize = 0)
{
    /// <summary>Up to this many partners a run records every partner unless told otherwise; above, none.</summary>
    public const int AllUpTo = 100_000;

    public static DetailSelection All { get; } = new(DetailMode.All);
    public static DetailSelection None { get; } = new(DetailMode.None);

    /// <summary>The default for a population: all up to <see cref="AllUpTo"/> partners, none above.</summary>
    public static DetailSelection DefaultFor(int partners) => partners <= AllUpTo ? All : None;

    /// <summary>Parses <c>all</c>, <c>none</c> or <c>sample:N</c>; null when the text is none of these.</summary>
    public static DetailSelection? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "all" => All,
        "none" => None,
        var t when t.StartsWith("sample:", StringComparison.Ordinal)
            && int.TryParse(t["sample:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 => new(DetailMode.Sample, n),
        _ => null,
    };

    public override string ToString() => Mode == DetailMode.Sample ? $"sample:{SampleSize}" : Mode.ToString().ToLowerInvariant();

    /// <summary>The positions recorded, ascending, for partners with these ids (in position order).</summary>
    public int[] Positions(IReadOnlyList<long> idsInOrder, ulong seed)
    {
        switch (Mode)
        {
            case DetailMode.None: return [];
            case DetailMode.All: return Enumerable.Range(0, idsInOrder.Count).ToArray();
        }
        var rng = new CounterRandom(seed);
        var draws = new (ulong Draw, int Position)[idsInOrder.Count];
        for (int i = 0; i < draws.Length; i++) draws[i] = (rng.At(idsInOrder[i], CounterRandom.PopulationQuarter, RandomStream.DetailSample).NextUInt64(), i);
        Array.Sort(draws);
        var chosen = draws.Take(SampleSize).Select(d => d.Position).ToArray();
        Array.Sort(chosen);
        return chosen;
    }
}
