namespace PartnerSim.Cli.Signals;

/// <summary>A command stopped by a signal, saying where it stopped (e.g. "in FY27Q2 (quarter 6 of 12)").</summary>
public sealed class CancelledException(string where, Exception inner) : OperationCanceledException($"cancelled {where}", inner)
{
    public string Where { get; } = where;
}
