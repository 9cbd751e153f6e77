using PartnerSim.Grains.Cohorts;
using PartnerSim.Grains.Detail;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;

namespace PartnerSim.Grains.Driver;

/// <summary>
/// Runs a scenario on the grains: defines the run, creates the partners through the cohort tree (and settles
/// the silos' heaps, <see cref="SiloHeaps"/>), then asks the root cohort for one quarter at a time and collects
/// only the reduced <see cref="QuarterStats"/>.
/// </summary>
public sealed class QuarterDriver(IGrainFactory grains)
{
    public enum Phase { Creating, Stepping, Digesting }

    /// <param name="runKey">Names this run's grains; any unique string (it never enters the results).</param>
    /// <param name="roster">Partners given up front, ascending id; null to generate them.</param>
    /// <param name="detail">Records the partners' outcomes (the detail file); null keeps none.</param>
    /// <param name="detailPositions">The positions <paramref name="detail"/> records, ascending; null for every partner.</param>
    /// <param name="cancel">Stops the run: the call in flight throws at once and is cancelled on the grains, no further call is made.</param>
    public async Task<RunResult> Run(ScenarioOptions options, string runKey, IReadOnlyList<PartnerState>? roster = null,
        CohortShape? shape = null, int checkpointEvery = 1, Action<Phase, int, int>? progress = null,
        IOutcomeObserver? detail = null, int[]? detailPositions = null, CancellationToken cancel = default)
    {
        var rules = new RuleBook(options);
        int partners = roster?.Count ?? options.Population.Partners;
        var setup = new RunSetup
        {
            Options = options,
            Partners = partners,
            Cuts = roster is null ? new PopulationGenerator(rules).ComputeTierCuts() : null,
            Shape = shape ?? new CohortShape(),
            CheckpointEvery = checkpointEvery,
            DetailPositions = detail is null ? null : detailPositions,
        };
        await grains.GetGrain<IRunGrain>(runKey).Define(setup);
        var layout = new CohortLayout(partners, setup.Shape);
        var root = grains.GetGrain<ICohortGrain>(layout.Root.Key, runKey);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        progress?.Invoke(Phase.Creating, 0, rules.Quarters);
        if (roster is null) await root.CreatePartners(cancel);
        else
            await Task.WhenAll(layout.Leaves().Select(leaf =>
            {
                var (start, end) = layout.Positions(leaf);
                var slice = new PartnerState[end - start];
                for (int i = start; i < end; i++) slice[i - start] = roster[i];
                return grains.GetGrain<ICohortGrain>(leaf.Key, runKey).LoadPartners(slice, cancel);
            }));
        cancel.ThrowIfCancellationRequested();
        await SiloHeaps.Settle(grains);

        double created = clock.Elapsed.TotalSeconds;
        var perQuarter = new List<QuarterStats>(rules.Quarters);
        // The detail sink is an observer object on this process; Orleans holds it weakly, so it is kept here until the end.
        var sink = detail is null ? null : new DetailSink(detail);
        var sinkReference = sink is null ? null : grains.CreateObjectReference<IDetailSink>(sink);
        try
        {
            for (int q = 0; q < rules.Quarters; q++)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Invoke(Phase.Stepping, q, rules.Quarters);
                perQuarter.Add(await root.Step(q, sinkReference, cancel));
                detail?.QuarterDone(q);
            }
        }
        finally
        {
            if (sinkReference is not null) grains.DeleteObjectReference<IDetailSink>(sinkReference);
            GC.KeepAlive(sink);
        }
        double stepped = clock.Elapsed.TotalSeconds;
        cancel.ThrowIfCancellationRequested();
        progress?.Invoke(Phase.Digesting, rules.Quarters, rules.Quarters);
        var digest = StateDigest.Combine(await root.BlockHashes(cancel));
        return new RunResult(partners, perQuarter, digest,
            new RunTimings(created, stepped - created, clock.Elapsed.TotalSeconds - stepped));
    }
}
