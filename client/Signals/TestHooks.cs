namespace PartnerSim.Cli.Signals;

/// <summary>
/// For the signal tests only: a run's writing phase lasts a fraction of a second, too short for a test to land a signal
/// in it. <c>PARTNERSIM_TEST_PAUSE_BEFORE_EACH_FILE_MS</c> holds it up before each output file, after the stage is
/// entered (and after the files before it were written), so the test can cancel a half-written output directory.
/// </summary>
public static class TestHooks
{
    public const string PauseVariable = "PARTNERSIM_TEST_PAUSE_BEFORE_EACH_FILE_MS";

    public static readonly TimeSpan PauseBeforeEachFile =
        int.TryParse(Environment.GetEnvironmentVariable(PauseVariable), out int ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero;
}
