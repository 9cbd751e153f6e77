using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartnerSim.Analytics.Detail;
using PartnerSim.Analytics.Reports;
using PartnerSim.Grains.Driver;
using PartnerSim.Model.Engine;
using PartnerSim.Runs.Output;

namespace PartnerSim.Runs;

/// <summary>Runs one scenario on the chosen engine and returns what reporting needs.</summary>
public static class Runner
{
    private static int s_runs;

    /// <param name="progress">Called with a phase description and the quarters done so far.</param>
    /// <param name="output">The output directory being written, where the detail file streams; null writes no detail.</param>
    public static async Task<RunReport> Run(ScenarioInput input, RunSettings settings,
        Action<string, int>? progress = null, CancellationToken cancel = default, OutputDirectory? output = null)
    {
        settings = settings.Validated();
        progress ??= (_, _) => { };
        int partners = input.Roster?.Count ?? input.Options.Population.Partners;
        var selection = settings.Detail ?? DetailSelection.DefaultFor(partners);
        int[]? positions = output is null || selection.Mode == DetailMode.None ? null
            : selection.Positions(input.Roster?.Select(p => p.Id).ToArray() ?? Generated(partners), input.Options.Run.Seed);
        var clock = Stopwatch.StartNew();
        await using var detail = positions is null ? null
            : new PartnerQuarterFile(File.Create(output!.File(PartnerQuarterFile.FileName)), input.Rules, partners, positions);
        var result = settings.Engine == EngineKind.Inproc
            ? await Task.Run(() => EngineLoop.Run(input.Rules, input.Source,
                quarterDone: q => progress($"quarter {input.Rules.QuarterAt(q)}", q + 1), cancel: cancel, observer: detail), cancel)
            : await RunOnGrains(settings, input, progress, detail, selection.Mode == DetailMode.Sample ? positions : null);
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

    private static async Task<RunResult> RunOnGrains(RunSettings settings, ScenarioInput input, Action<string, int> progress,
        IOutcomeObserver? detail, int[]? detailPositions)
    {
        var grainHost = settings.Host;
        int checkpointEvery = settings.CheckpointEvery ?? (grainHost.Durable ? 1 : 0);
        using var host = grainHost.Build();
        await host.StartAsync();
        try
        {
            var driver = new QuarterDriver(host.Services.GetRequiredService<IGrainFactory>());
            string runKey = $"{input.Options.Run.Name}/{input.Options.Run.Seed}/{Environment.ProcessId}/{Interlocked.Increment(ref s_runs)}";
            return await driver.Run(input.Options, runKey, input.Roster, settings.Shape, checkpointEvery, (phase, q, _) =>
                progress(phase switch
                {
                    QuarterDriver.Phase.Creating => "creating partners",
                    QuarterDriver.Phase.Stepping => $"quarter {input.Rules.QuarterAt(q)}",
                    _ => "digest",
                }, q), detail, detailPositions);
        }
        finally
        {
            // The in-memory silo's state dies with the process anyway, and partners save nothing on deactivation,
            // so it need not deactivate a million grains one by one: a quarter second, then the stop is cut short.
            // A PostgreSQL silo leaves the cluster gracefully (its membership row says so).
            using var grace = new CancellationTokenSource(grainHost.Durable ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(0.25));
            await host.StopAsync(grace.Token);
        }
    }
}
