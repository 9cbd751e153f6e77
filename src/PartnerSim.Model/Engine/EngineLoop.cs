using PartnerSim.Model.Figures;
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

    /// <param name="observer">Sees every recorded partner's outcome (the detail file); null when nothing is recorded.</param>
    /// <param name="quarterStarting">Called before each quarter is stepped (the first call also ends the population's creation).</param>
    public static RunResult Run(RuleBook rules, IPartnerSource source, int maxThreads = 0,
        Action<int>? quarterDone = null, CancellationToken cancel = default, IOutcomeObserver? observer = null,
        Action<int>? quarterStarting = null)
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
        EachChunk(chunks, options, () => new CounterRandom(seed), (c, rng) =>
        {
            for (int i = c * Chunk, end = Math.Min(n, i + Chunk); i < end; i++) states[i] = source.Create(i, rng);
        }, _ => { });

        // The whole population was just allocated, and the first quarters' collections would trace and promote it
        // while stepping (up to a tenth of a quarter's time at 100k). One full collection now moves it to the oldest
        // generation at once, as the grain driver does on every silo.
        GC.Collect();
        double created = clock.Elapsed.TotalSeconds;
        var perQuarter = new List<QuarterStats>(rules.Quarters);
        for (int q = 0; q < rules.Quarters; q++)
        {
            quarterStarting?.Invoke(q);
            // Each worker adds into stats of its own, merged once at its end: integer sums and sketch counts, so
            // the total is the same however the chunks fell to workers. (Stats per chunk cost a serial merge of a
            // hundred sketches per quarter, 3% of the quarter, with the other core idle.)
            var total = new QuarterStats(q);
            EachChunk(chunks, options, () => (Rng: new CounterRandom(seed), Stats: new QuarterStats(q)), (c, local) =>
            {
                for (int i = c * Chunk, end = Math.Min(n, i + Chunk); i < end; i++)
                {
                    var outcome = PartnerStep.Run(states[i], q, rules, local.Rng);
                    local.Stats.Add(outcome);
                    if (observer is not null && observer.Records(i)) observer.Record(q, i, states[i].Id, outcome);
                }
            }, local => { lock (total) total.Merge(local.Stats); });
            observer?.QuarterDone(q);
            perQuarter.Add(total);
            quarterDone?.Invoke(q);
        }

        double stepped = clock.Elapsed.TotalSeconds;
        var blocks = new byte[(n + StateDigest.BlockSize - 1) / StateDigest.BlockSize][];
        EachChunk(blocks.Length, options, () => 0, (b, _) =>
            blocks[b] = StateDigest.BlockHash(states.Skip(b * StateDigest.BlockSize).Take(StateDigest.BlockSize)), _ => { });
        var digest = StateDigest.Combine(blocks);
        return new RunResult(n, perQuarter, digest,
            new RunTimings(created, stepped - created, clock.Elapsed.TotalSeconds - stepped));
    }

    /// <summary>
    /// Runs <paramref name="body"/> for chunks 0 … count − 1, one chunk at a time to whichever worker is free, each
    /// worker with state of its own. Parallel.For hands out growing runs of indices instead, and near the end of a
    /// quarter one worker could be left with several chunks while the other had none: at 100k partners the two
    /// cores finished 3–8 ms apart in quarters of 25 ms.
    /// </summary>
    private static void EachChunk<TLocal>(int count, ParallelOptions options, Func<TLocal> init, Action<int, TLocal> body,
        Action<TLocal> done)
    {
        int next = -1;
        Parallel.For(0, Math.Min(count, options.MaxDegreeOfParallelism), options, init, (_, _, local) =>
        {
            for (int c; (c = Interlocked.Increment(ref next)) < count;)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                body(c, local);
            }
            return local;
        }, done);
    }
}
