namespace PartnerSim.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run itself failed (a bug or the host went down).</summary>
    public const int Failure = 1;
    /// <summary>Bad input: scenario, roster, option or database; nothing was written.</summary>
    public const int BadInput = 2;
    /// <summary>Cancelled by Ctrl+C (SIGINT): 128 + 2, as a shell reports a process the signal ended.</summary>
    public const int Interrupted = 130;
    /// <summary>Cancelled by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
    /// <summary>The run's PostgreSQL storage was lost mid-run; `partnersim resume` continues from the last durable quarter.</summary>
    public const int StorageLost = 3;
}
