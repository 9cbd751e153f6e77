using System.CommandLine;
using System.Globalization;
using PartnerSim.Runs.Durable;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim runs --connect CS</c>: the runs recorded in a PostgreSQL database, newest first, one line each: id,
/// scenario, seed, partners, state, last durable quarter, resumes, last update, and the digest or the error. Plain
/// columns, so the lines read the same in a terminal, a file or a script.
/// </summary>
public static class RunsCommand
{
    public static Command Create()
    {
        var connect = new Option<string?>("--connect") { Description = "the PostgreSQL database the runs are recorded in (Npgsql connection string)" };
        var postgres = new Option<string?>("--postgres") { Description = "the same, as given to `run --postgres`" };
        var command = new Command("runs", "List the runs recorded in a PostgreSQL database") { connect, postgres };
        command.SetAction(async (p, _) =>
        {
            var database = p.GetValue(connect) ?? p.GetValue(postgres)
                           ?? throw new Inputs.BadInputException("runs: give the database with --connect (or --postgres)");
            var runs = await RunJournal.ListAsync(database);
            string[] heading = ["run id", "scenario", "seed", "partners", "state", "last durable quarter", "resumes", "updated (UTC)", "digest / error"];
            var rows = runs.Select(r => new[]
            {
                r.RunId, r.Scenario, r.Seed.ToString(CultureInfo.InvariantCulture), r.Partners.ToString("N0", CultureInfo.InvariantCulture),
                r.State, r.DurableQuarterName, r.Resumes.ToString(CultureInfo.InvariantCulture),
                r.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Digest ?? r.Error ?? "",
            }).Prepend(heading).ToList();
            var widths = Enumerable.Range(0, heading.Length).Select(c => rows.Max(row => row[c].Length)).ToArray();
            foreach (var row in rows)
                Console.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
            if (runs.Count == 0) Console.WriteLine("no runs recorded");
            return ExitCodes.Ok;
        });
        return command;
    }
}
