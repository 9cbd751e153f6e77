using System.Diagnostics;
using PartnerSim.Analytics.Detail;
using PartnerSim.Analytics.Reports;
using PartnerSim.Grains.Driver;
using PartnerSim.Model.Engine;
using PartnerSim.Runs.Durable;
using PartnerSim.Runs.Output;

namespace PartnerSim.Runs;

/// <summary>Runs one scenario on the chosen engine and returns what reporting needs.</summary>
public static class Runner
{
    private static int s_runs;

    /// <param name="progress">Called as each phase begins.</param>
    /// <param name="cancel">Stops the run in any phase with an <see cref="OperationCanceledException"/>; its grains are
    /// cancelled and abandoned with the host.</param>
    /// <param name="output">The output directory being written, where the detail file streams; null writes no detail.</param>
    public static async Task<RunReport> Run(ScenarioInput input, RunSettings settings,
        Action<RunPhase>? progress = null, CancellationToken cancel = default, OutputDirectory? output = null)
    {
        settings = settings.Validated();
        progress ??= _ => { };
        int quarters = input.Rules.Quarters;
        int partners = input.Roster?.Count ?? input.Options.Population.Partners;
        var selection = settings.Detail ?? DetailSelection.DefaultFor(partners);
        int[]? positions = output is null || selection.Mode == DetailMode.None ? null
            : selection.Positions(input.Roster?.Select(p => p.Id).ToArray() ?? Generated(partners), input.Options.Run.Seed);
        var clock = Stopwatch.StartNew();
        await using var detail = positions is null ? null
            : new PartnerQuarterFile(File.Create(output!.File(PartnerQuarterFile.FileName)), input.Rules, partners, positions);
        var (result, faults) = settings.Engine == EngineKind.Inproc
            ? (await Task.Run(() =>
            {
                progress(new RunPhase(RunPhase.Kind.Creating, 0, quarters));
                return EngineLoop.Run(input.Rules, input.Source,
                    quarterStarting: q => progress(new RunPhase(RunPhase.Kind.Stepping, q, quarters, input.Rules.QuarterAt(q))),
                    quarterDone: q => { if (q + 1 == quarters) progress(new RunPhase(RunPhase.Kind.Digesting, quarters, quarters)); },
                    cancel: cancel, observer: detail);
            }, cancel), null)
            : await RunOnGrains(settings, input, progress, detail, selection.Mode == DetailMode.Sample ? positions : null, cancel);
        if (detail is not null) await detail.Complete();
        return new RunReport(input.Rules, result, settings.Engine.ToString().ToLowerInvariant(),
            clock.Elapsed.TotalSeconds, input.TopBookingsShare)
        {
            Faults = faults,
            Detail = output is null ? null
                : new DetailRecord(positions is null ? DetailSelection.None : selection, settings.Detail is null,
                    positions?.Length ?? 0, (long)(positions?.Length ?? 0) * input.Rules.Quarters),
        };
    }

    private static long[] Generated(int partners) => Enumerable.Range(1, partners).Select(i => (long)i).ToArray();

    private static async Task<(RunResult, RunFaults)> RunOnGrains(RunSettings settings, ScenarioInput input, Action<RunPhase> progress,
        IOutcomeObserver? detail, int[]? detailPositions, CancellationToken cancel)
    {
        var grainHost = settings.Host;
        int checkpointEvery = settings.CheckpointEvery ?? (grainHost.Durable ? 1 : 0);
        progress(new RunPhase(RunPhase.Kind.Starting, 0, input.Rules.Quarters));
        return await grainHost.UseAsync(async grains =>
        {
            // A run on PostgreSQL is recorded there under its run id (also its grains' key), quarter by quarter.
            string runKey = grainHost.Database is null
                ? $"{input.Options.Run.Name}/{input.Options.Run.Seed}/{Environment.ProcessId}/{Interlocked.Increment(ref s_runs)}"
                : RunJournal.NewRunId(input.Options.Run.Name);
            var journal = grainHost.Database is not { } database ? null
                : await RunJournal.BeginAsync(database, runKey, input.Options, input.Roster?.Count ?? input.Options.Population.Partners,
                    input.TopBookingsShare, checkpointEvery);
            if (journal is not null) settings.Started?.Invoke(runKey);
            var driver = new QuarterDriver(grains) { Journal = journal };
            var result = await Journaled(journal, settings, () => driver.Run(input.Options, runKey, input.Roster, settings.Shape, checkpointEvery,
                (phase, q, quarters) => progress(Phase(phase, q, quarters, input.Rules)), detail, detailPositions, cancel));
            return (result, Faults(driver.Faults) with { RunId = journal?.RunId });
        }, cancel);
    }

    /// <summary>
    /// Runs a journaled run to its end: records its digest, or why it failed. Lost storage cannot be told anything; its
    /// one-line message gains how to resume. A cancelled run stays as it is, to be resumed.
    /// </summary>
    internal static async Task<RunResult> Journaled(RunJournal? journal, RunSettings settings, Func<Task<RunResult>> run)
    {
        if (journal is null) return await run();
        try
        {
            var result = await run();
            await journal.CompleteAsync(result.Digest);
            return result;
        }
        catch (StorageLostException e)
        {
            string where = settings.Postgres is not null ? "--postgres" : "--connect";
            throw new StorageLostException($"{e.Message}; once it is back, `partnersim resume {journal.RunId} {where} ...` continues from there",
                e.LastDurableQuarter, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await journal.FailAsync(FaultLog.Describe(e));
            throw;
        }
    }

    internal static RunPhase Phase(QuarterDriver.Phase phase, int quarter, int quarters, RuleBook rules) => phase switch
    {
        QuarterDriver.Phase.Creating => new RunPhase(RunPhase.Kind.Creating, quarter, quarters),
        QuarterDriver.Phase.Stepping => new RunPhase(RunPhase.Kind.Stepping, quarter, quarters, rules.QuarterAt(quarter)),
        _ => new RunPhase(RunPhase.Kind.Digesting, quarter, quarters),
    };

    internal static RunFaults Faults(FaultLog log) =>
        new(log.Recovered.Select(r => new StageFaults(r.Quarter, r.Retries, r.Seconds, r.RecoverySeconds, r.LostSeconds, r.Errors)).ToList());
}
