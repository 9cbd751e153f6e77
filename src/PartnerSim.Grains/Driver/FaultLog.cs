using System.Diagnostics;

namespace PartnerSim.Grains.Driver;

/// <summary>
/// The failures a run met and recovered from, by stage: creation (quarter −1), each quarter, the digest (quarter =
/// the run's quarter count). A stage's recovery time runs from its first failure to its completion: the time the run
/// lost to the fault, retries and the re-activation of the lost partners included.
/// </summary>
public sealed class FaultLog
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<int, (TimeSpan FirstFailure, List<string> Errors)> _open = [];
    private readonly List<StageRecovery> _recovered = [];

    /// <summary>One stage that failed and then completed.</summary>
    /// <param name="Errors">One line per failed attempt: the subtree and what went wrong.</param>
    public sealed record StageRecovery(int Quarter, int Retries, double RecoverySeconds, IReadOnlyList<string> Errors);

    public IReadOnlyList<StageRecovery> Recovered { get { lock (_lock) return [.. _recovered]; } }

    public int Retries { get { lock (_lock) return _recovered.Sum(r => r.Retries); } }

    public double RecoverySeconds { get { lock (_lock) return _recovered.Sum(r => r.RecoverySeconds); } }

    internal void Failed(int quarter, string what, Exception e)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(quarter, out var stage)) _open[quarter] = stage = (_clock.Elapsed, []);
            stage.Errors.Add($"{what}: {Describe(e)}");
        }
    }

    internal void Completed(int quarter)
    {
        lock (_lock)
        {
            if (!_open.Remove(quarter, out var stage)) return;
            _recovered.Add(new StageRecovery(quarter, stage.Errors.Count, (_clock.Elapsed - stage.FirstFailure).TotalSeconds, stage.Errors));
        }
    }

    /// <summary>The exception's type and first line, e.g. "SiloUnavailableException: ...".</summary>
    public static string Describe(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? $"{e.GetType().Name}: {line[..200]}…" : $"{e.GetType().Name}: {line}";
    }
}
