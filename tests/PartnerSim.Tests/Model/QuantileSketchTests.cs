using PartnerSim.Model.Figures;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Model;

/// <summary>The quantile sketch: buckets, signed values, growth in both directions, exact merges and the 0.5% guarantee.</summary>
public class QuantileSketchTests
{
    private static readonly double Gamma = (1 + QuantileSketch.RelativeAccuracy) / (1 - QuantileSketch.RelativeAccuracy);

    private static long[] Values(int count, ulong seed)
    {
        // Cents from $0.01 to about $10¹⁰, log-uniform, in random order: the store must grow down as well as up.
        var rng = new CounterRandom(seed).At(1, 0, RandomStream.Deals);
        return Enumerable.Range(0, count).Select(_ => (long)Math.Exp(rng.Uniform() * Math.Log(1e12)) + 1).ToArray();
    }

    [Fact]
    public void Buckets_AreTheLogGammaCeilings_InKeyOrder()
    {
        var values = Values(5000, 1);
        var sketch = new QuantileSketch();
        foreach (var v in values) sketch.Add(v);
        sketch.Add(0);
        sketch.Add(-5);

        var expected = values.GroupBy(v => (int)Math.Ceiling(Math.Log(v) / Math.Log(Gamma)))
            .OrderBy(g => g.Key).Select(g => new KeyValuePair<int, long>(g.Key, g.LongCount()));
        Assert.Equal(expected, sketch.Buckets);
        Assert.Equal(1, sketch.ZeroCount);
        Assert.Equal(5002, sketch.Count);
        // Negative values (a winner's shortfall) rank below zero, within the same relative accuracy.
        Assert.InRange(sketch.Quantile(0)!.Value, -5 * (1 + QuantileSketch.RelativeAccuracy), -5 * (1 - QuantileSketch.RelativeAccuracy));
        Assert.Equal(0, sketch.Quantile(1.0 / 5001));
    }

    [Fact]
    public void Merge_EqualsOneSketchOfEverything_AndSurvivesAWriteAndRead()
    {
        var a = new QuantileSketch();
        var b = new QuantileSketch();
        var all = new QuantileSketch();
        foreach (var v in Values(3000, 2)) { a.Add(v); all.Add(v); }
        foreach (var v in Values(3000, 3).Select(v => v / 1000)) { b.Add(v); all.Add(v); }
        a.Merge(b);
        Assert.Equal(all.Buckets, a.Buckets);
        Assert.Equal(all.Count, a.Count);

        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) a.WriteTo(w);
        ms.Position = 0;
        var read = QuantileSketch.ReadFrom(new BinaryReader(ms), SketchMapping.Relative);
        Assert.Equal(a.Buckets, read.Buckets);
        Assert.Equal(a.Count, read.Count);
        Assert.Equal(a.Quantile(0.5), read.Quantile(0.5));
    }

    [Fact]
    public void Median_IsWithinTheRelativeAccuracy_OfTheExactLowerMedian()
    {
        var values = Values(10001, 4);
        var sketch = new QuantileSketch();
        foreach (var v in values) sketch.Add(v);
        double exact = values.Order().ElementAt((values.Length - 1) / 2);
        Assert.InRange(sketch.Quantile(0.5)!.Value, exact * (1 - QuantileSketch.RelativeAccuracy), exact * (1 + QuantileSketch.RelativeAccuracy));
        Assert.Null(new QuantileSketch().Quantile(0.5));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Quantiles_OfSignedValuesMergedFromPieces_AreWithinTheRelativeAccuracy_OfTheExactOnes(double q)
    {
        // Shortfalls: winners negative, many exactly zero, losers positive; reduced in 13 pieces as cohorts would.
        var values = Values(20001, 5).Select((v, i) => i % 5 == 0 ? 0 : i % 3 == 0 ? -v : v).ToArray();
        var merged = new QuantileSketch();
        foreach (var piece in values.Chunk(1539))
        {
            var s = new QuantileSketch();
            foreach (var v in piece) s.Add(v);
            merged.Merge(s);
        }
        double exact = values.Order().ElementAt((int)Math.Floor(q * (values.Length - 1)));
        double reported = merged.Quantile(q)!.Value;
        Assert.True(Math.Abs(reported - exact) <= Math.Abs(exact) * QuantileSketch.RelativeAccuracy,
            $"q{q}: sketch {reported}, exact {exact}");
    }

    [Fact]
    public void ExactMapping_GivesExactQuantiles()
    {
        var pvi = Values(5000, 6).Select(v => v % 1001).ToArray(); // PVI × 100
        var sketch = new QuantileSketch(SketchMapping.Exact);
        foreach (var v in pvi) sketch.Add(v);
        foreach (var q in new[] { 0.0, 0.1, 0.5, 0.9, 1.0 })
            Assert.Equal(pvi.Order().ElementAt((int)Math.Floor(q * (pvi.Length - 1))), sketch.Quantile(q));
    }
}
