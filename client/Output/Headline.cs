using PartnerSim.Analytics.Reports;
using Spectre.Console;

namespace PartnerSim.Cli.Output;

/// <summary>The short table printed at the end of a run: the fat-middle story quarter by quarter.</summary>
public static class Headline
{
    public static void Print(RunReport r, string outDir)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("quarter").AddColumn("regime").AddColumn(new TableColumn("partner+").RightAligned())
            .AddColumn(new TableColumn("CPI $M").RightAligned()).AddColumn(new TableColumn("legacy $M").RightAligned())
            .AddColumn(new TableColumn("gap $M").RightAligned())
            .AddColumn(new TableColumn("FM losing").RightAligned())
            .AddColumn(new TableColumn("FM med $k").RightAligned());
        foreach (var q in r.Result.PerQuarter)
        {
            bool launched = r.Rules.IsLaunched(q.Quarter);
            table.AddRow(
                r.QuarterLabel(q.Quarter),
                q.Quarter == r.Rules.Launch ? "launch" : launched ? (r.Rules.InGrace(q.Quarter) ? "grace" : "360") : "legacy",
                $"{q.Bands[2] + q.Bands[3]:N0}",
                Millions(q.CpiEarnedCents),
                Millions(q.LegacyEarnedCents),
                launched ? Millions(q.ShortfallCents) : "-",
                launched ? $"{q.FatMiddle.Losing:N0}" : "-",
                launched ? $"{RunReport.Usd(q.FatMiddle.LosingShortfall.Quantile(0.5)) / 1000:N1}" : "-");
        }
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(r.Rules.Options.Run.Name)}[/]: {r.Result.Partners:N0} partners × {r.Rules.Quarters} quarters").LeftJustified());
        AnsiConsole.Write(table);
        var h = r.Headline;
        if (h.FatMiddlePartnersAtLaunch is not null)
            AnsiConsole.MarkupLine($"fat middle (Select + Premier): {h.FatMiddlePartnersAtLaunch:N0} partners at launch, " +
                                   $"{h.FatMiddleLosingAtLaunch:N0} lose CPI eligibility; unmanaged shortfall after launch " +
                                   $"${h.UnmanagedFatMiddleShortfallAfterLaunchCents / 100_000_000m:N2}M; " +
                                   $"{h.PartnersLeft:N0} partners left for another vendor");
        AnsiConsole.MarkupLine($"{r.PartnerQuarters / Math.Max(r.ElapsedSeconds, 1e-9):N0} partner-quarters/s on {r.Engine} ({r.ElapsedSeconds:N1} s)");
        AnsiConsole.MarkupLine($"digest [grey]{r.Result.Digest}[/]");
        AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(Path.Combine(outDir, "summary.json"))}[/], quarters.csv/.parquet, rebates.png and pvi.png");
    }

    private static string Millions(long cents) => $"{cents / 100_000_000m:N1}";
}
