using PartnerSim.Analytics.Reports;
using PartnerSim.Cli.Signals;
using PartnerSim.Runs.Output;

namespace PartnerSim.Cli.Output;

/// <summary>
/// The last step of a command that ran (or resumed) a run: its files written into the output directory, each named to
/// the stage first so that a signal says which one it interrupted, then the directory moved into place.
/// </summary>
public static class RunDirectory
{
    public static void Commit(OutputDirectory output, RunReport report, CommandStage stage, CancellationToken cancel)
    {
        RunOutputs.WriteFiles(output.Path, report, cancel, file =>
        {
            stage.Enter($"while writing {file}");
            if (TestHooks.PauseBeforeEachFile > TimeSpan.Zero) Thread.Sleep(TestHooks.PauseBeforeEachFile);
        });
        cancel.ThrowIfCancellationRequested();
        output.Commit();
    }
}
