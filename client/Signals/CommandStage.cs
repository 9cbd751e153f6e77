using PartnerSim.Runs;

namespace PartnerSim.Cli.Signals;

/// <summary>
/// Where a command is, in the words of the line a cancelled command prints: "in FY27Q2 (quarter 6 of 12)", "while
/// creating partners". With <c>PARTNERSIM_TRACE_PHASES=1</c> each new stage is also printed to stderr as it begins
/// (<c>phase: in FY26Q1 (quarter 1 of 12)</c>); the signal tests wait for those lines.
/// </summary>
public sealed class CommandStage
{
    public const string TraceVariable = "PARTNERSIM_TRACE_PHASES";

    private static readonly bool s_trace = Environment.GetEnvironmentVariable(TraceVariable) == "1";

    private volatile string _where = "while starting";

    public string Where => _where;

    public void Enter(string where)
    {
        if (where == _where) return;
        _where = where;
        if (s_trace) Console.Error.WriteLine($"phase: {where}");
    }

    public void Enter(RunPhase phase) => Enter(phase.Is switch
    {
        RunPhase.Kind.Starting => "while starting Orleans",
        RunPhase.Kind.Creating => "while creating partners",
        RunPhase.Kind.Stepping => $"in {phase.Quarter} (quarter {phase.QuartersDone + 1} of {phase.Quarters})",
        _ => "while computing the digest",
    });

    /// <summary>Runs <paramref name="work"/>; a cancellation it ends in says where it came.</summary>
    public async Task<T> Run<T>(Func<Task<T>> work, CancellationToken cancel)
    {
        try { return await work(); }
        // Whatever a cancelled command throws on its way out (usually, not always, an OperationCanceledException).
        catch (Exception e) when (cancel.IsCancellationRequested && e is not CancelledException)
        {
            throw new CancelledException(_where, e);
        }
    }
}
