using System.CommandLine;
using PartnerSim.Analytics.Compare;
using PartnerSim.Analytics.Runs;
using PartnerSim.Inputs;
using PartnerSim.Runs.Output;

namespace PartnerSim.Cli.Commands;

/// <summary>
/// <c>partnersim compare DIR_A DIR_B [--out DIR]</c>: B against A, each a run directory or a directory of replicate runs.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "side A: a run directory, or a directory whose subdirectories are runs (replicates)" };
        var b = new Argument<string>("b") { Description = "side B, likewise; every delta is B minus A" };
        var outDir = new Option<string?>("--out") { Description = "output directory (default compare-<A>-vs-<B>)" };
        var command = new Command("compare", "Compare two runs (or sets of replicate runs): deltas, differing parameters, paired partners, charts")
        {
            a, b, outDir,
        };
        command.SetAction((p, _) =>
        {
            RunComparison comparison;
            try { comparison = RunComparison.Of(RunSide.Load(p.GetValue(a)!), RunSide.Load(p.GetValue(b)!)); }
            catch (RunFilesException e) { throw new BadInputException(e.Message); }
            var target = p.GetValue(outDir) ?? $"compare-{comparison.A.Name}-vs-{comparison.B.Name}";
            ReportOutputs.WriteComparison(target, comparison);
            Console.WriteLine($"{comparison.QuarterFiguresDiffering:N0} of {comparison.QuarterFigures:N0} quarter figures and " +
                $"{comparison.Segments.Differing:N0} of {comparison.Segments.Count:N0} segment figures differ; wrote {target}: compare.html, compare.json, deltas (.csv), plots/");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
