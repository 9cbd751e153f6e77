using PartnerSim.Tests.Support;
using System.Collections.Concurrent;
using System.CommandLine;
using PartnerSim.Runs;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Tests.Integration;
using CliApp = PartnerSim.Cli.Cli;

namespace PartnerSim.Tests.Scenarios;

/// <summary>Named scenarios run once each with the in-process engine and shared by the tests that compare them.</summary>
internal static class NamedScenarioRuns
{
    public sealed record Run(ScenarioInput Input, RunResult Result)
    {
        public RuleBook Rules => Input.Rules;
        public QuarterStats At(int q) => Result.PerQuarter[q];
        public static long PartnerPlus(QuarterStats s) => s.Total(QuarterFigures.PartnerPlus);
        public long PartnerPlusAt(int q) => PartnerPlus(At(q));
        public IEnumerable<QuarterStats> AfterLaunch => Result.PerQuarter.Where(s => Rules.IsLaunched(s.Quarter));
        public long FatMiddleShortfallAfterLaunch => AfterLaunch.Sum(s => s.FatMiddle()[QuarterFigures.SegmentShortfall]);
        public long UnmanagedFatMiddleShortfallAfterLaunch => AfterLaunch.Sum(s => s.UnmanagedFatMiddle()[QuarterFigures.SegmentShortfall]);
    }

    private static readonly ConcurrentDictionary<string, Lazy<Run>> s_runs = new();

    public static Run Of(string scenario) => s_runs.GetOrAdd(scenario, name => new Lazy<Run>(() =>
    {
        var input = ScenarioInput.Load(RepoPaths.Scenario(name + ".yaml"));
        return new Run(input, EngineLoop.Run(input.Rules, input.Source));
    })).Value;
}
