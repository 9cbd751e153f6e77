using Spectre.Console;

namespace PartnerSim.Cli.Output;

/// <summary>How chatty to be: progress bars only on an interactive terminal, nothing with --quiet or --json.</summary>
public sealed record Terminal(bool Quiet, bool Json)
{
    public bool ShowProgress => !Quiet && !Json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
    public bool ShowTables => !Quiet && !Json;

    /// <summary>Runs work with a progress bar of <paramref name="total"/> steps when the terminal allows it.</summary>
    public async Task<T> WithProgress<T>(string label, int total, Func<Action<string, int>, Task<T>> work)
    {
        if (!ShowProgress) return await work((_, _) => { });
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, maxValue: total);
                result = await work((description, done) =>
                {
                    task.Description = description;
                    task.Value = done;
                });
                task.Value = total;
            });
        return result;
    }
}
