using System.CommandLine;
using PartnerSim.Inputs.Scenarios;

namespace PartnerSim.Cli.Commands;

/// <summary><c>partnersim validate FILE...</c>: checks scenario files without running them.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "scenario YAML files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files: every error with file, line, column and key") { files };
        command.SetAction((p, _) =>
        {
            var errors = new List<ScenarioError>();
            foreach (var file in p.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    errors.Add(new ScenarioError(file, 0, 0, "", "file not found"));
                    continue;
                }
                try
                {
                    var o = ScenarioLoader.Load(file);
                    Console.WriteLine($"ok: {file} ({o.Run.Name})");
                }
                catch (ScenarioException e) { errors.AddRange(e.Errors); }
            }
            if (errors.Count == 0) return Task.FromResult(ExitCodes.Ok);
            throw new ScenarioException(errors);
        });
        return command;
    }
}
