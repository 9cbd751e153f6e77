using System.Text.Json;
using PartnerSim.Analytics.Reports;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Figures;

/// <summary>
/// Every per-quarter figure counts one population, the partners active during the quarter (those that began it), unless
/// its description says otherwise. On a run where partners leave, <c>active</c> in summary.json is the number of
/// partners that had not left when the quarter began, counted from the partners' own states; <c>left</c> the number of
/// those gone by its end; <c>activeAtEnd</c> = active − left, and the next quarter's <c>active</c>. Every partition of
/// the population (bands, raw bands, each keyed figure row by row, the segment cells, the legacy tiers) sums to
/// <c>active</c>.
/// </summary>
public class ActivePopulationTests
{
    private const int Partners = 3000;

    [Fact]
    public void EveryPartitionSumsToThePartnersActiveDuringTheQuarter()
    {
        // Waiting partners leave readily here, so that many quarters have leavers and the populations differ.
        var options = new ScenarioOptions
        {
            Population = new PopulationOptions { Partners = Partners },
            Behaviour = new BehaviourOptions { PLeave = 0.9, LeaveAfterQuarters = 1 },
        };
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        var cuts = generator.ComputeTierCuts();
        var rng = new CounterRandom(options.Run.Seed);
        var states = Enumerable.Range(1, Partners).Select(id => generator.Create(id, cuts, rng)).ToList();
        var reduced = new List<QuarterStats>();
        var activeBefore = new List<long>();
        var goneDuring = new List<long>();
        for (int q = 0; q < rules.Quarters; q++)
        {
            var began = states.Select(s => s.Active).ToArray();
            var stats = new QuarterStats(q);
            foreach (var s in states) stats.Add(PartnerStep.Run(s, q, rules, rng));
            reduced.Add(stats);
            activeBefore.Add(began.Count(a => a));
            goneDuring.Add(states.Where((s, i) => began[i] && !s.Active).Count());
        }
        Assert.True(goneDuring.Count(n => n > 0) >= 3, $"partners left in too few quarters to tell the populations apart: {string.Join(' ', goneDuring)}");

        var report = new RunReport(rules, new RunResult(Partners, reduced, "digest", new RunTimings(0, 0, 0)), "test", 1, 0.9);
        using var ms = new MemoryStream();
        SummaryJson.Write(ms, report);
        using var json = JsonDocument.Parse(ms.ToArray());
        var perQuarter = json.RootElement.GetProperty("perQuarter").EnumerateArray().ToList();
        for (int q = 0; q < rules.Quarters; q++)
        {
            var j = perQuarter[q];
            string at = $"quarter {q}";
            long active = j.GetProperty("active").GetInt64(), left = j.GetProperty("left").GetInt64();
            Assert.True(activeBefore[q] == active, $"{at}: active {active}, partners that began the quarter {activeBefore[q]}");
            Assert.True(goneDuring[q] == left, $"{at}: left {left}, partners gone during the quarter {goneDuring[q]}");
            Assert.True(active - left == j.GetProperty("activeAtEnd").GetInt64(), $"{at}: activeAtEnd is not active − left");
            if (q > 0) Assert.True(perQuarter[q - 1].GetProperty("activeAtEnd").GetInt64() == active, $"{at}: active is not the last quarter's activeAtEnd");

            // Every keyed figure in summary.json, each of its rows (per portfolio, per legacy tier) on its own.
            foreach (var figure in QuarterFigures.Set.Population.Where(f => f.Keys.Count > 0))
            {
                Assert.False(figure.Everyone, $"{figure.Name} counts every partner, not a partition of the active ones");
                var element = j.GetProperty(figure.Name);
                if (figure.Rows.Count == 0) Assert.True(Sum(element) == active, $"{at}: {figure.Name} sums to {Sum(element)}, active {active}");
                else if (figure.Reduction == PopulationReduction.Table)
                    Assert.True(figure.Rows.Sum(row => Sum(element.GetProperty(row))) == active, $"{at}: {figure.Name} does not sum to active");
                else
                    foreach (var row in figure.Rows)
                        Assert.True(Sum(element.GetProperty(row)) == active, $"{at}: {figure.Name}.{row} sums to {Sum(element.GetProperty(row))}, active {active}");
            }
            foreach (var band in new[] { "bands", "rawBands" })
                Assert.True(Sum(j.GetProperty(band)) == active, $"{at}: {band}");

            // The segment cells, and the legacy tiers reported in summary.json.
            var cells = SegmentCell.All.Select(c => reduced[q].Segment(s => s == c)).ToList();
            Assert.Equal(active, cells.Sum(c => c[QuarterFigures.Partners]));
            Assert.Equal(left, cells.Sum(c => c[QuarterFigures.SegmentLeft]));
            Assert.Equal(active, j.GetProperty("tiers").EnumerateObject().Sum(t => t.Value.GetProperty("partners").GetInt64()));
        }
    }

    private static long Sum(JsonElement keyed) => keyed.ValueKind == JsonValueKind.Array
        ? keyed.EnumerateArray().Sum(e => e.GetInt64())
        : keyed.EnumerateObject().Sum(p => p.Value.GetInt64());
}
