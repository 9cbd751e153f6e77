using System.CommandLine;
using PartnerSim.Cli;
using PartnerSim.Cli.Commands;
using PartnerSim.Inputs.Csv;
using PartnerSim.Inputs;
using PartnerSim.Inputs.Scenarios;

return await Cli.Invoke(Cli.CreateRoot(), args);

namespace PartnerSim.Cli
{
    public static class Cli
    {
        /// <summary>Every command of the <c>partnersim</c> tool (also what the tests run).</summary>
        public static RootCommand CreateRoot() => new("PartnerSim: population simulation of the Cisco 360 partner program")
        {
            RunCommand.Create(),
            EvaluateCommand.Create(),
            ValidateCommand.Create(),
            ScenariosCommand.Create(),
            RosterCommand.Create(),
            SweepCommand.Create(),
            BenchCommand.Create(),
            ResumeCommand.Create(),
            RunsCommand.Create(),
            ChaosCommand.Create(),
        };

        /// <summary>
        /// Parses and runs; every kind of bad input becomes one line per problem on stderr and exit code 2,
        /// anything else exit code 1.
        /// </summary>
        public static async Task<int> Invoke(RootCommand root, string[] args)
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            try
            {
                return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (ScenarioException e)
            {
                foreach (var error in e.Errors) Console.Error.WriteLine($"error: {error}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is CsvInputException or BadInputException or PartnerSim.Silo.Postgres.DatabaseUnavailableException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (PartnerSim.Grains.Driver.StorageLostException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.StorageLost;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("cancelled");
                return ExitCodes.Failure;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"failed: {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("PARTNERSIM_TRACE") == "1") Console.Error.WriteLine(e);
                return ExitCodes.Failure;
            }
        }
    }
}
