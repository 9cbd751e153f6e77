using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;

namespace PartnerSim.Tests.Model;

/// <summary>How the in-process loop hands out its work: every partner once, and a cancelled run stops cleanly.</summary>
public class EngineLoopTests
{
    private static (RuleBook Rules, GeneratedPartners Source) Population(int partners, int quarters)
    {
        var rules = new RuleBook(new ScenarioOptions
        {
            Run = new RunOptions { Quarters = quarters },
            Population = new PopulationOptions { Partners = partners },
        });
        var generator = new PopulationGenerator(rules);
        return (rules, new GeneratedPartners(generator, generator.ComputeTierCuts()));
    }

    [Theory]
    [InlineData(1, 1)]       // one partner, one worker
    [InlineData(1_500, 8)]   // more workers than the two chunks
    [InlineData(5_000, 2)]   // five chunks, the last one short
    public void EveryPartnerIsSteppedOnceAQuarter(int partners, int threads)
    {
        var (rules, source) = Population(partners, quarters: 3);
        var result = EngineLoop.Run(rules, source, threads);
        // A partner stepped twice would throw; one skipped would be missing from the counts. Everyone starts
        // active; each quarter scores those still active after the last.
        long activeBefore = partners;
        foreach (var q in result.PerQuarter)
        {
            Assert.Equal(activeBefore, q.Total(QuarterFigures.Active));
            Assert.Equal(q.Total(QuarterFigures.Active) - q.Total(QuarterFigures.Left), q.Total(QuarterFigures.ActiveAtEnd));
            activeBefore = q.Total(QuarterFigures.ActiveAtEnd);
        }
    }

    [Fact]
    public void ACancelledRun_ThrowsOperationCanceled_NotAnAggregate()
    {
        var (rules, source) = Population(5_000, quarters: 4);
        using var cancel = new CancellationTokenSource();
        int quartersDone = 0;
        Assert.Throws<OperationCanceledException>(() => EngineLoop.Run(rules, source, maxThreads: 2,
            quarterDone: q => { quartersDone++; if (q == 1) cancel.Cancel(); }, cancel: cancel.Token));
        Assert.Equal(2, quartersDone);
    }
}
