using PartnerSim.Model.Partners;

namespace PartnerSim.Tests.Model;

/// <summary><see cref="History.Age"/> against the rule it stands for: every entry one place older, a zero in front.</summary>
public class HistoryTests
{
    [Fact]
    public void Age_MovesEightDoublesOnePlaceOlder()
    {
        double[] q = [1, 2, 3, 4, 5, 6, 7, 8];
        History.Age(q);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], q);
    }

    [Fact]
    public void Age_MovesSixteenIntsOnePlaceOlder()
    {
        int[] h = [.. Enumerable.Range(1, 16)];
        History.Age(h);
        Assert.Equal([0, .. Enumerable.Range(1, 15)], h);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(12)]
    public void Age_OtherLengthsMoveTheSameWay(int length)
    {
        long[] a = [.. Enumerable.Range(1, length).Select(i => (long)i)];
        History.Age(a);
        Assert.Equal([.. Enumerable.Range(0, length).Select(i => (long)i)], a);
    }
}
