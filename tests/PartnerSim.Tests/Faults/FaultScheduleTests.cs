using PartnerSim.Inputs;
using PartnerSim.Runs.Chaos;

namespace PartnerSim.Tests.Faults;

/// <summary>The failure drill's schedule: seeded, one fault per quarter, never in the first two quarters, every kind.</summary>
public sealed class FaultScheduleTests
{
    [Fact]
    public void SameSeed_SameSchedule_OtherSeed_Another()
    {
        var a = FaultSchedule.Draw(7, quarters: 12, siloKills: 2, silos: 3);
        Assert.Equal(a, FaultSchedule.Draw(7, quarters: 12, siloKills: 2, silos: 3));
        // Twenty seeds give more than one schedule: the seed is used.
        Assert.True(Enumerable.Range(1, 20).Select(seed => string.Join(";", FaultSchedule.Draw((ulong)seed, 12, 2, 3))).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData(1UL, 12, 2)]
    [InlineData(2UL, 6, 2)]
    [InlineData(3UL, 4, 0)]
    [InlineData(4UL, 12, 5)]
    public void EveryFault_ItsOwnQuarter_FromTheThird_AllKinds(ulong seed, int quarters, int kills)
    {
        var schedule = FaultSchedule.Draw(seed, quarters, kills, silos: 3);
        Assert.Equal(kills + 2, schedule.Count);
        Assert.Equal(schedule.Count, schedule.Select(f => f.Quarter).Distinct().Count());
        Assert.All(schedule, f =>
        {
            Assert.InRange(f.Quarter, FaultSchedule.FirstQuarter, quarters - 1);
            Assert.InRange(f.Silo, 0, 2);
            Assert.InRange(f.Into, 0.2, 0.8);
        });
        Assert.Equal(kills, schedule.Count(f => f.Kind == FaultKind.SiloKilled));
        Assert.Single(schedule, f => f.Kind == FaultKind.ClientKilled);
        Assert.Single(schedule, f => f.Kind == FaultKind.PostgresRestarted);
        Assert.Equal(schedule.OrderBy(f => f.Quarter), schedule);
    }

    [Fact]
    public void TooFewQuarters_NamesTheOption()
    {
        // 2 kills + client + PostgreSQL = 4 faults, in quarters 2 … n−1: n = 5 is one short.
        var e = Assert.Throws<BadInputException>(() => FaultSchedule.Draw(1, quarters: 5, siloKills: 2, silos: 3));
        Assert.Equal("--quarters: 4 faults need at least 6 quarters (got 5)", e.Message);
        Assert.Equal(4, FaultSchedule.Draw(1, quarters: 6, siloKills: 2, silos: 3).Count);
    }
}
