namespace PartnerSim.Runs.Durable;

/// <summary>A run as <c>partnersim_runs</c> records it (see <see cref="RunJournal"/>).</summary>
/// <param name="DurableQuarter">The last quarter recorded complete (run quarter index); −1 before the first.</param>
/// <param name="Start">The run's first fiscal quarter.</param>
public sealed record JournaledRun(
    string RunId,
    string Scenario,
    ulong Seed,
    int Partners,
    int Quarters,
    Model.Time.FiscalQuarter Start,
    string State,
    int DurableQuarter,
    int Resumes,
    string? Digest,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt)
{
    public const string Running = "running", Completed = "completed", Failed = "failed";

    /// <summary>"FY27Q1 (7 of 12)", or "none" before the first quarter was recorded.</summary>
    public string DurableQuarterName =>
        DurableQuarter < 0 ? "none" : $"{Start.Plus(DurableQuarter)} ({DurableQuarter + 1} of {Quarters})";
}
