using PartnerSim.Runs;

namespace PartnerSim.Cli.Output;

/// <summary>Warnings about input that was accepted with problems, one line each on standard error.</summary>
public static class Warnings
{
    public static void SkippedRows(ScenarioInput input)
    {
        if (input.SkippedRows.Count > 0)
            Console.Error.WriteLine($"warning: skipped {input.SkippedRows.Count} bad roster row(s); first: {input.SkippedRows[0].Message}");
    }
}
