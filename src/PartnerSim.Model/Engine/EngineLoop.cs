using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Engine;

/// <summary>
/// The rule engine without actors: every partner stepped in a plain parallel loop. The reference the grain
/// host is checked against (same digest), and the fast path for sweeps (<c>--engine inproc</c>).
/// </summary>
public static class EngineLoop
{
    /// <summary>Partners per work item: whole digest blocks, so hashing parallelises the same way.</summary>
    private const int Chunk = StateDigest.BlockSize;

    public static RunResult Run(RuleBook rules, IPartnerSource source, int maxThreads = 0,
        Action<int>? quarterDone = null, CancellationToken cancel = default)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : Environment.ProcessorCount,
            CancellationToken = cancel,
        };
        ulong seed = rules.Options.Run.Seed;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int n = source.Count, chunks = (n + Chunk - 1) / Chunk;
        var states = new PartnerState[n];
        Parallel.For(0, chunks, options, () => new CounterRandom(seed), (c, _, rng) =>
        {
            for (int i = c * Chunk, end = Math.Min(n, i + Chunk); i < end; i++) states[i] = source.Create(i, rng);
            return rng;
        }, _ => { });

        // The whole population was just allocated, and the first quarters' collections would trace and promote it
        // while stepping (up to a tenth of a quarter's time at 100k). One full collection now moves it to the oldest
        // generation at once, as the grain driver does on every silo.
        GC.Collect();
        double created = clock.Elapsed.TotalSeconds;
        var perQuarter = new List<QuarterStats>(rules.Quarters);
        for (int q = 0; q < rules.Quarters; q++)
        {
            // Each worker adds into stats of its own, merged once at its end: integer sums and sketch counts, so
            // the total is the same however the chunks fell to workers. (Stats per chunk cost a serial merge of a
            // hundred sketches per quarter, 3% of the quarter, with the other core idle.)
            var total = new QuarterStats(q);
            Parallel.For(0, chunks, options, () => (Rng: new CounterRandom(seed), Stats: new QuarterStats(q)), (c, _, local) =>
            {
                for (int i = c * Chunk, end = Math.Min(n, i + Chunk); i < end; i++)
                    local.Stats.Add(PartnerStep.Run(states[i], q, rules, local.Rng));
                return local;
            }, local => { lock (total) total.Merge(local.Stats); });
            perQuarter.Add(total);
            quarterDone?.Invoke(q);
        }

        double stepped = clock.Elapsed.TotalSeconds;
        var blocks = new byte[(n + StateDigest.BlockSize - 1) / StateDigest.BlockSize][];
        Parallel.For(0, blocks.Length, options, b =>
            blocks[b] = StateDigest.BlockHash(states.Skip(b * StateDigest.BlockSize).Take(StateDigest.BlockSize)));
        var digest = StateDigest.Combine(blocks);
        return new RunResult(n, perQuarter, digest,
            new RunTimings(created, stepped - created, clock.Elapsed.TotalSeconds - stepped));
    }
}
