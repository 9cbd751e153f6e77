using System.CommandLine;
using PartnerSim.Inputs;
using PartnerSim.Inputs.Scenarios;
using Spectre.Console;

namespace PartnerSim.Cli.Commands;

/// <summary><c>partnersim scenarios</c>: the named scenarios with their one-line descriptions.</summary>
public static class ScenariosCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "folder of scenario files", DefaultValueFactory = _ => "scenarios" };
        var command = new Command("scenarios", "List the scenarios with their descriptions") { dir };
        command.SetAction((p, _) =>
        {
            var folder = p.GetValue(dir)!;
            if (!Directory.Exists(folder)) throw new BadInputException($"{folder}: scenario folder not found");
            var table = new Table().Border(TableBorder.Simple).AddColumn("scenario").AddColumn("description");
            foreach (var (name, description, _) in ScenarioCatalog.List(folder))
                table.AddRow(Markup.Escape(name), Markup.Escape(description));
            AnsiConsole.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
