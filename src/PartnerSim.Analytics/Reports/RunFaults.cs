namespace PartnerSim.Analytics.Reports;

/// <summary>
/// What a run on the grains met and recovered from (summary.json's <c>faults</c>): every stage (creation, a quarter,
/// the digest) in which a subtree failed and was asked again, with the retries, the stage's wall time, the time from
/// the first failure to the stage's completion, and for a quarter the time lost against a quarter that ran clean.
/// A run on PostgreSQL also names its run id, and a resumed run the quarter it resumed at.
/// </summary>
public sealed record RunFaults(IReadOnlyList<StageFaults> Stages)
{
    /// <summary>The id <c>partnersim resume</c> and <c>partnersim runs</c> know the run by; null when it was not recorded.</summary>
    public string? RunId { get; init; }

    /// <summary>The first quarter this process stepped, when it resumed the run; null for a run from the start.</summary>
    public int? ResumedAtQuarter { get; init; }

    public int Retries => Stages.Sum(s => s.Retries);

    public double RecoverySeconds => Stages.Sum(s => s.RecoverySeconds);

    /// <summary>The quarters' lost time, summed (creation and digest have nothing to compare with).</summary>
    public double LostSeconds => Stages.Sum(s => s.LostSeconds ?? 0);
}

/// <summary>One stage that failed and recovered. <paramref name="Quarter"/>: −1 creation, the quarter count or more for the digest.</summary>
/// <param name="LostSeconds">A quarter's wall time less a clean quarter's; null when there is none to compare with.</param>
/// <param name="Errors">One line per failed attempt: the subtree and what went wrong.</param>
public sealed record StageFaults(int Quarter, int Retries, double Seconds, double RecoverySeconds, double? LostSeconds, IReadOnlyList<string> Errors);
