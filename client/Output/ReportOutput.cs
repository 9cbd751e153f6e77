using PartnerSim.Analytics.Reports;

namespace PartnerSim.Cli.Output;

/// <summary>What a finished run shows: summary.json on standard output with --json, else the headline table (not with --quiet).</summary>
public static class ReportOutput
{
    public static void Show(Terminal terminal, RunReport report, string outDir)
    {
        if (terminal.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            SummaryJson.Write(stdout, report);
            Console.WriteLine();
        }
        else if (terminal.ShowTables) Headline.Print(report, outDir);
    }
}
