using PartnerSim.Analytics.Experiments;
using PartnerSim.Runs.Output;

namespace PartnerSim.Runs.Experiments;

/// <summary>What running an experiment did: its results, and how many runs were recorded before and run now.</summary>
/// <param name="Results">Null when <see cref="AlreadyDone"/>.</param>
public sealed record ExperimentOutcome(ExperimentResults? Results, int Resumed, int Ran, bool AlreadyDone);

/// <summary>
/// Runs a planned experiment into an output directory, resumably: finished runs are recorded in <c>DIR.partial</c> as
/// they end (<see cref="ProgressRecord"/>), a rerun of the same command skips them, and the outputs are written in
/// design order only once every run is in, so an interrupted and resumed experiment writes the same files as an
/// uninterrupted one. A directory that already holds this experiment's results is left as it is.
/// </summary>
public static class Experiment
{
    public static async Task<ExperimentOutcome> Run(ExperimentPlan plan, string target, RunSettings settings, int parallel,
        Action<ExperimentProgress>? progress = null, CancellationToken cancel = default)
    {
        settings = settings.Validated();
        var setup = plan.Setup;
        if (!Directory.Exists(ProgressRecord.DirectoryFor(target)) && ExperimentOutputs.Fingerprint(target) == setup.Fingerprint)
            return new ExperimentOutcome(null, setup.Runs, 0, AlreadyDone: true);
        using var record = ProgressRecord.Open(target, setup);
        int resumed = record.Finished.Count;
        var runs = await ExperimentRunner.Run(plan, settings, parallel, record, progress, cancel);
        var results = ExperimentResults.Of(setup, runs);
        ExperimentOutputs.Write(target, results);
        record.Delete();
        return new ExperimentOutcome(results, resumed, runs.Count - resumed, AlreadyDone: false);
    }
}
