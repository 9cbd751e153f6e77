namespace PartnerSim.Cli.Signals;

/// <summary>
/// A command stopped by a signal, saying where it stopped (e.g. "in FY27Q2 (quarter 6 of 12)") and what it kept
/// (by default nothing: a run removes what it had begun to write).
/// </summary>
public sealed class CancelledException(string where, Exception inner, string kept = CancelledException.NothingWritten)
    : OperationCanceledException($"cancelled {where}", inner)
{
    public const string NothingWritten = "nothing written";

    public string Where { get; } = where;
    public string Kept { get; } = kept;
}
