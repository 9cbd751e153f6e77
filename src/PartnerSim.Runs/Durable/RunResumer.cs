using System.Diagnostics;
using PartnerSim.Analytics.Reports;
using PartnerSim.Grains.Driver;
using PartnerSim.Inputs;
using PartnerSim.Model.Engine;

namespace PartnerSim.Runs.Durable;

/// <summary>
/// Continues a run on PostgreSQL whose client stopped (it died, was killed, or lost the database): the quarters the
/// journal holds are taken as they are, the quarter that was under way is asked again (partners that applied it answer
/// with their stored outcome, the others step), and the run goes on to its digest. The report is the same as an
/// uninterrupted run's, without a detail file.
/// </summary>
public static class RunResumer
{
    /// <param name="cancel">Stops the resumed run as <see cref="Runner.Run"/> stops one; it stays resumable.</param>
    public static async Task<RunReport> Resume(string runId, RunSettings settings, Action<RunPhase>? progress = null,
        CancellationToken cancel = default)
    {
        settings = settings.Validated();
        var host = settings.Host;
        if (host.Database is null) throw new BadInputException("resume: give the run's database with --connect or --postgres");
        progress ??= _ => { };
        var clock = Stopwatch.StartNew();
        return await host.UseAsync(async grains =>
        {
            var (journal, run) = await RunJournal.TakeOverAsync(host.Database, runId);
            var rules = new RuleBook(run.Options);
            settings.Started?.Invoke(runId);
            var driver = new QuarterDriver(grains) { Journal = journal };
            var result = await Runner.Journaled(journal, settings, () => driver.Resume(runId, run.Recorded,
                (phase, q, quarters) => progress(Runner.Phase(phase, q, quarters, rules)), cancel));
            return new RunReport(rules, result, "grains", clock.Elapsed.TotalSeconds, run.TopBookingsShare)
            {
                Faults = Runner.Faults(driver.Faults) with { RunId = runId, ResumedAtQuarter = run.Recorded.Count },
            };
        }, cancel);
    }
}
