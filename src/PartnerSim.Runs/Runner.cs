using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerSim.Analytics.Detail;
using PartnerSim.Analytics.Reports;
using PartnerSim.Grains.Driver;
using PartnerSim.Model.Engine;
using PartnerSim.Runs.Output;
using PartnerSim.Silo;

namespace PartnerSim.Runs;

/// <summary>Runs one scenario on the chosen engine and returns what reporting needs.</summary>
public static class Runner
{
    private static int s_runs;

    /// <summary>
    /// How long a cancelled run on a PostgreSQL silo waits for it to leave the cluster gracefully. The silo first lets the
    /// calls in flight end (a leaf's partners writing their checkpoints): 0.8–2.9 s from the signal to the exit, a run
    /// cancelled mid-quarter on two cores under a load of 20. Cut short, the silo stays Active in the membership table,
    /// and the next silo started on the database spent a minute declaring it dead; a few seconds more now are the better
    /// bargain (a second Ctrl+C still exits at once).
    /// </summary>
    private static readonly TimeSpan CancelledStopGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long an in-memory silo is given to stop before the stop is cut short.</summary>
    private static readonly TimeSpan InMemoryStopGrace = TimeSpan.FromSeconds(0.25);

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
        var result = settings.Engine == EngineKind.Inproc
            ? await Task.Run(() =>
            {
                progress(new RunPhase(RunPhase.Kind.Creating, 0, quarters));
                return EngineLoop.Run(input.Rules, input.Source,
                    quarterStarting: q => progress(new RunPhase(RunPhase.Kind.Stepping, q, quarters, input.Rules.QuarterAt(q))),
                    quarterDone: q => { if (q + 1 == quarters) progress(new RunPhase(RunPhase.Kind.Digesting, quarters, quarters)); },
                    cancel: cancel, observer: detail);
            }, cancel)
            : await RunOnGrains(settings, input, progress, detail, selection.Mode == DetailMode.Sample ? positions : null, cancel);
        if (detail is not null) await detail.Complete();
        return new RunReport(input.Rules, result, settings.Engine.ToString().ToLowerInvariant(),
            clock.Elapsed.TotalSeconds, input.TopBookingsShare)
        {
            Detail = output is null ? null
                : new DetailRecord(positions is null ? DetailSelection.None : selection, settings.Detail is null,
                    positions?.Length ?? 0, (long)(positions?.Length ?? 0) * input.Rules.Quarters),
        };
    }

    private static long[] Generated(int partners) => Enumerable.Range(1, partners).Select(i => (long)i).ToArray();

    private static async Task<RunResult> RunOnGrains(RunSettings settings, ScenarioInput input, Action<RunPhase> progress,
        IOutcomeObserver? detail, int[]? detailPositions, CancellationToken cancel)
    {
        var grainHost = settings.Host;
        int checkpointEvery = settings.CheckpointEvery ?? (grainHost.Durable ? 1 : 0);
        progress(new RunPhase(RunPhase.Kind.Starting, 0, input.Rules.Quarters));
        var host = grainHost.Build();
        try
        {
            await host.StartAsync(cancel);
            var driver = new QuarterDriver(host.Services.GetRequiredService<IGrainFactory>());
            string runKey = $"{input.Options.Run.Name}/{input.Options.Run.Seed}/{Environment.ProcessId}/{Interlocked.Increment(ref s_runs)}";
            return await driver.Run(input.Options, runKey, input.Roster, settings.Shape, checkpointEvery, (phase, q, quarters) =>
                progress(phase switch
                {
                    QuarterDriver.Phase.Creating => new RunPhase(RunPhase.Kind.Creating, q, quarters),
                    QuarterDriver.Phase.Stepping => new RunPhase(RunPhase.Kind.Stepping, q, quarters, input.Rules.QuarterAt(q)),
                    _ => new RunPhase(RunPhase.Kind.Digesting, q, quarters),
                }), detail, detailPositions, cancel);
        }
        finally
        {
            if (cancel.IsCancellationRequested) await CancelledHost.Abandon(host, grainHost.Durable ? CancelledStopGrace : InMemoryStopGrace);
            else
            {
                // The in-memory silo's state dies with the process anyway, and partners save nothing on deactivation,
                // so it need not deactivate a million grains one by one: a quarter second, then the stop is cut short.
                // A PostgreSQL silo leaves the cluster gracefully (its membership row says so).
                using (host)
                {
                    using var grace = new CancellationTokenSource(grainHost.Durable ? Timeout.InfiniteTimeSpan : InMemoryStopGrace);
                    await host.StopAsync(grace.Token);
                }
            }
        }
    }
}
