using PartnerSim.Analytics.Figures;
using PartnerSim.Analytics.Reports;
using PartnerSim.Model.Figures;
using Spectre.Console;

namespace PartnerSim.Cli.Output;

/// <summary>The short table printed at the end of a run: the fat-middle story quarter by quarter, then the headline.</summary>
public static class Headline
{
    /// <summary>The columns shown, by figure name, with their heading and scale (money in $M, per-partner money in $k).</summary>
    private static readonly (string Figure, string Heading, decimal Scale, bool FromLaunch)[] Columns =
    [
        ("partnerPlus", "partner+", 1, false),
        ("cpiRebateUsd", "CPI $M", 1_000_000, false),
        ("legacyRebateUsd", "legacy $M", 1_000_000, false),
        ("shortfallUsd", "gap $M", 1_000_000, true),
        ("fatMiddle.losing", "FM losing", 1, true),
        ("fatMiddle.medianShortfallUsd", "FM med $k", 1_000, true),
        ("left", "left", 1, false),
    ];

    public static void Print(RunReport r, string outDir)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("quarter").AddColumn("regime");
        var columns = Columns.Select(c => (c, Column: r.Table.Find(c.Figure) ?? throw new InvalidOperationException($"no figure {c.Figure}"))).ToList();
        foreach (var (c, _) in columns) table.AddColumn(new TableColumn(c.Heading).RightAligned());
        foreach (var q in r.Quarters)
        {
            bool launched = r.Rules.IsLaunched(q.Quarter);
            var cells = new List<string>
            {
                r.QuarterLabel(q.Quarter),
                q.Quarter == r.Rules.Launch ? "launch" : launched ? (r.Rules.InGrace(q.Quarter) ? "grace" : "360") : "legacy",
            };
            foreach (var (c, column) in columns)
                cells.Add(c.FromLaunch && !launched ? "-" : column.Read(q) is { } v ? Format(v / c.Scale, c.Scale) : "-");
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(r.Rules.Options.Run.Name)}[/]: {r.Result.Partners:N0} partners × {r.Rules.Quarters} quarters").LeftJustified());
        AnsiConsole.Write(table);
        foreach (var h in r.Headline.Where(h => h.Value is not null))
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(h.Figure.Description)}:[/] {Markup.Escape(Written(h))}");
        AnsiConsole.MarkupLine($"{r.PartnerQuarters / Math.Max(r.ElapsedSeconds, 1e-9):N0} partner-quarters/s on {r.Engine} ({r.ElapsedSeconds:N1} s)");
        AnsiConsole.MarkupLine($"digest [grey]{r.Result.Digest}[/]");
        if (r.Detail is { } detail) AnsiConsole.MarkupLine(Markup.Escape(detail.Describe()));
        if (r.Faults is { } faults && (faults.RunId is not null || faults.Retries > 0))
            AnsiConsole.MarkupLine(Markup.Escape(
                $"{(faults.RunId is null ? "" : $"run id {faults.RunId}; ")}{faults.Retries} retries, {faults.RecoverySeconds:N1} s recovering, {faults.LostSeconds:N1} s lost"));
        AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(outDir)}[/]: summary.json, quarters and segments (.csv, .parquet), plots/, report.html");
    }

    private static string Format(decimal v, decimal scale) => scale == 1 ? $"{v:N0}" : $"{v:N1}";

    private static string Written(RunFigureValue h) => h.Unit switch
    {
        FigureUnit.Usd => $"${h.Value:N0}",
        FigureUnit.Ratio => $"{h.Value:0.0000}",
        _ => $"{h.Value:N0}",
    };
}
