using System.Diagnostics;

namespace PartnerSim.Grains.Driver;

/// <summary>
/// The failures a run met and recovered from, by stage: creation (<see cref="Creation"/>), each quarter, the digest
/// (<see cref="Digest"/>). For a stage that failed and then completed it keeps the retries, the stage's wall time, the
/// recovery time (from its first failure to its completion: what the driver saw of the fault, retries and the
/// re-activation of lost partners included), and for a quarter the time lost: its wall time less the median of the
/// quarters that ran clean (the first stepped by this driver left out: it activates everything).
/// </summary>
public sealed class FaultLog
{
    public const int Creation = -1, Digest = int.MaxValue;

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<int, TimeSpan> _started = [];
    private readonly Dictionary<int, (TimeSpan FirstFailure, List<string> Errors)> _failing = [];
    private readonly List<double> _cleanQuarterSeconds = [];
    private readonly List<(int Stage, double Seconds, double RecoverySeconds, List<string> Errors)> _recovered = [];
    private int? _firstQuarter;

    /// <summary>One stage that failed and then completed.</summary>
    /// <param name="LostSeconds">For a quarter: <paramref name="Seconds"/> less a clean quarter's; null without one to compare.</param>
    /// <param name="Errors">One line per failed attempt: the subtree and what went wrong.</param>
    public sealed record StageRecovery(int Quarter, int Retries, double Seconds, double RecoverySeconds, double? LostSeconds, IReadOnlyList<string> Errors);

    public IReadOnlyList<StageRecovery> Recovered
    {
        get
        {
            lock (_lock)
            {
                double? clean = _cleanQuarterSeconds.Count == 0 ? null : Median(_cleanQuarterSeconds);
                return _recovered.Select(r => new StageRecovery(r.Stage, r.Errors.Count, r.Seconds, r.RecoverySeconds,
                    r.Stage is Creation or Digest ? null : r.Seconds - clean, r.Errors)).ToList();
            }
        }
    }

    public int Retries => Recovered.Sum(r => r.Retries);

    public double RecoverySeconds => Recovered.Sum(r => r.RecoverySeconds);

    internal void Started(int stage)
    {
        lock (_lock)
        {
            _started[stage] = _clock.Elapsed;
            if (stage is not (Creation or Digest)) _firstQuarter ??= stage;
        }
    }

    internal void Failed(int stage, string what, Exception e)
    {
        lock (_lock)
        {
            if (!_failing.TryGetValue(stage, out var failing)) _failing[stage] = failing = (_clock.Elapsed, []);
            failing.Errors.Add($"{what}: {Describe(e)}");
        }
    }

    internal void Completed(int stage)
    {
        lock (_lock)
        {
            var now = _clock.Elapsed;
            double seconds = (now - _started.GetValueOrDefault(stage, now)).TotalSeconds;
            if (_failing.Remove(stage, out var failed)) _recovered.Add((stage, seconds, (now - failed.FirstFailure).TotalSeconds, failed.Errors));
            else if (stage is not (Creation or Digest) && stage != _firstQuarter) _cleanQuarterSeconds.Add(seconds);
        }
    }

    private static double Median(List<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>The exception's type and first line, e.g. "SiloUnavailableException: ...".</summary>
    public static string Describe(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? $"{e.GetType().Name}: {line[..200]}…" : $"{e.GetType().Name}: {line}";
    }
}
