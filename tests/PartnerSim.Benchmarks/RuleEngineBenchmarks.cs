using BenchmarkDotNet.Attributes;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Money;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Benchmarks;

/// <summary>
/// Per-call cost of the scoring and money code on a generated population (cycled, so branches and deal
/// counts vary as in a run). Allocations are reported: the hot path should allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private const int Partners = 4096;
    private RuleBook _rules = null!;
    private PartnerState[] _states = null!;
    private CounterRandom _rng = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _rules = new RuleBook(new ScenarioOptions { Population = new PopulationOptions { Partners = Partners } });
        var generator = new PopulationGenerator(_rules);
        var cuts = generator.ComputeTierCuts();
        _rng = new CounterRandom(_rules.Options.Run.Seed);
        _states = Enumerable.Range(1, Partners).Select(id => generator.Create(id, cuts, _rng)).ToArray();
    }

    private PartnerState Next() => _states[_next++ % Partners];

    [Benchmark(Description = "PVI, all five portfolios")]
    public int ScoreAllPortfolios()
    {
        var s = Next();
        Span<int> idx = stackalloc int[Metrics.Count];
        PviScorer.Indexes(_rules.Scoring, MetricInputs.Of(s, 12), inGrace: true, idx);
        int sum = 0;
        for (int p = 0; p < Metrics.PortfolioCount; p++) sum += _rules.Scoring.Pvi10k((Portfolio)p, idx);
        return sum;
    }

    [Benchmark(Description = "deals, CPI and legacy of one partner-quarter")]
    public double BookDeals()
    {
        var s = Next();
        Span<Band> bands = stackalloc Band[Metrics.PortfolioCount];
        bands.Fill(Band.Partner);
        return Deals.Book(s, quarter: 4, bands, _rules, _rng, QuarterDraws.Of(_rng, s.Id, 4).DealCount).CpiUsd;
    }

    [Benchmark(Description = "one whole partner-quarter (PartnerStep.Run)")]
    public long StepOneQuarter()
    {
        // Stepping needs consecutive quarters, so each call works on a fresh copy at quarter 0.
        var s = Next().Clone();
        return PartnerStep.Run(s, 0, _rules, _rng).CpiEarnedCents;
    }
}
