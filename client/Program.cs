using System.CommandLine;
using PartnerSim.Cli;
using PartnerSim.Cli.Commands;
using PartnerSim.Cli.Signals;
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
            ExperimentCommand.Create(),
            BenchCommand.Create(),
            ReportCommand.Create(),
            CompareCommand.Create(),
            ResumeCommand.Create(),
            RunsCommand.Create(),
            ChaosCommand.Create(),
        };

        /// <summary>
        /// Parses and runs; every kind of bad input becomes one line per problem on stderr and exit code 2,
        /// anything else exit code 1. Ctrl+C or SIGTERM cancels the command, which removes what it had begun to write:
        /// one line says where it stopped, and the exit code is 130 or 143.
        /// </summary>
        public static async Task<int> Invoke(RootCommand root, string[] args)
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            using var signals = new TerminationSignals();
            try
            {
                // No ProcessTerminationTimeout: the signals are handled here, and the command is not cut short.
                var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
                return await parsed.InvokeAsync(configuration, signals.Token);
            }
            catch (Exception e) when (signals.ExitCode is { } code)
            {
                // Once a signal came, whatever the command threw on its way out is the cancellation.
                Console.Error.WriteLine(e is CancelledException c ? $"{c.Message}; {c.Kept}" : $"cancelled; {CancelledException.NothingWritten}");
                if (e is not OperationCanceledException) Trace(e);
                return code;
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
            catch (Exception e)
            {
                Console.Error.WriteLine($"failed: {e.GetType().Name}: {e.Message}");
                Trace(e);
                return ExitCodes.Failure;
            }
        }

        private static void Trace(Exception e)
        {
            if (Environment.GetEnvironmentVariable("PARTNERSIM_TRACE") == "1") Console.Error.WriteLine(e);
        }
    }
}
