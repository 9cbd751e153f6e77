using System.Runtime.Intrinsics;
using PartnerSim.Model.Money;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Model;

/// <summary>
/// The fast draws against their plain definitions: the AS 241 quantile against MathNet's inverse CDF, the
/// vector forms lane by lane against the scalar ones (bit for bit), and the branch-free deal helpers against
/// the comparisons they replace.
/// </summary>
public class SamplerTests
{
    public static IEnumerable<object[]> Probabilities()
    {
        foreach (double p in new[] { 1e-300, 1e-100, 1e-30, 1e-15, 1e-11, 1e-9, 1e-6, 1e-3, 0.02, 0.0749, 0.075,
                     0.07500000001, 0.2, 0.5 - 1e-12, 0.5, 0.5 + 1e-12, 0.8, 0.925, 0.9251, 0.99, 0.999999, 1 - 1e-12, 1 - 1e-16 })
            yield return [p];
    }

    [Theory]
    [MemberData(nameof(Probabilities))]
    public void Quantile_MatchesMathNet(double p)
    {
        double expected = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
        double actual = NormalQuantile.Of(p);
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"p={p}: {actual} vs MathNet {expected}");
    }

    [Fact]
    public void Quantile_OnAFineGrid_MatchesMathNet()
    {
        for (int k = 1; k < 100_000; k++)
        {
            double p = k / 100_000.0;
            double expected = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
            Assert.True(Math.Abs(NormalQuantile.Of(p) - expected) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"p={p}");
        }
    }

    [Fact]
    public void Quantile_Ends()
    {
        Assert.Equal(double.NegativeInfinity, NormalQuantile.Of(0));
        Assert.Equal(double.PositiveInfinity, NormalQuantile.Of(1));
        Assert.Equal(0.0, NormalQuantile.Of(0.5));
        Assert.Equal(-NormalQuantile.Of(0.975), NormalQuantile.Of(0.025), 15);
        Assert.Equal(1.959963984540054, NormalQuantile.Of(0.975), 14); // z of a two-sided 95% interval
    }

    [Fact]
    public void VectorQuantile_EqualsScalar_LaneByLane()
    {
        var rng = new CounterRandom(7).At(1, 2, RandomStream.Deals);
        for (int i = 0; i < 20_000; i++)
        {
            // Mixed lanes: central, tail and far-tail probabilities side by side.
            var p = Vector256.Create(rng.Uniform(), rng.Uniform() * 1e-3, 1 - rng.Uniform() * 1e-12, rng.Uniform() * 1e-14);
            var x = NormalQuantile.Of(p);
            for (int j = 0; j < 4; j++) Assert.Equal(NormalQuantile.Of(p[j]), x[j]);
        }
    }

    [Fact]
    public void Block4_EqualsFourBlocks()
    {
        foreach (uint c3 in new uint[] { 0, 17, 0xFFFF_FFFE })
        {
            Philox.Block4(11, 22, 33, c3, new PhiloxKeys(0xDEADBEEF, 0x12345678), out var w0, out var w1, out var w2, out var w3);
            for (int j = 0; j < 4; j++)
                Assert.Equal(Philox.Block(11, 22, 33, unchecked(c3 + (uint)j), 0xDEADBEEF, 0x12345678),
                    ((uint)w0[j], (uint)w1[j], (uint)w2[j], (uint)w3[j]));
        }
    }

    [Fact]
    public void BlocksAt_AreTheStreamsBlocksAtThoseIndices_AndLeaveThePositionAlone()
    {
        var a = new CounterRandom(99).At(123_456_789_012, 5, RandomStream.Deals);
        var b = new CounterRandom(99).At(123_456_789_012, 5, RandomStream.Deals);
        a.BlocksAt(1, out var w0, out var w1, out var w2, out var w3);
        Assert.Equal(b.Uniform(), a.Uniform()); // index 0, untouched by BlocksAt
        for (int j = 0; j < 4; j++) Assert.Equal(b.NextBlock(), ((uint)w0[j], (uint)w1[j], (uint)w2[j], (uint)w3[j]));
    }

    [Fact]
    public void QuarterDraws_AreTheQuarterStreamsValuesInTheirPlaces()
    {
        foreach (long partner in new[] { 7L, 5_000_000_001L })
        {
            // Block k of the Quarter stream, scalar: its first value from words 0-1, its second from words 2-3.
            var values = new List<double>();
            var stream = new CounterRandom(31).At(partner, 4, RandomStream.Quarter);
            for (int k = 0; k < 4; k++)
            {
                var (a, b, c, d) = stream.NextBlock();
                values.Add(CounterRandom.Uniform53(a, b));
                values.Add(CounterRandom.Uniform53(c, d));
            }
            var draws = QuarterDraws.Of(new CounterRandom(31), partner, 4);
            Assert.Equal(values[0], draws.Awareness);
            Assert.Equal(values[1], draws.Action);
            Assert.Equal(values[2], draws.DealCount);
            Assert.Equal(values[3], draws.Leaving);
            Assert.Equal(CounterRandom.NormalFrom(values[4]), draws.BookingsNoise);
            Assert.Equal(CounterRandom.NormalFrom(values[5]), draws.AcvNoise);
            Assert.Equal(CounterRandom.NormalFrom(values[6]), draws.TcvNoise);
        }
    }

    // The textbook inversion, one term a turn, with the sampler's arithmetic (p_k = p_(k-1) · (λ · 1/k),
    // cdf_k = cdf_(k-1) + p_k); the sampler takes two terms a turn.
    private static int OneTermAtATime(double lambda, double u)
    {
        double p = Math.Exp(-lambda), cdf = p;
        int k = 0;
        while (u >= cdf && k < 10_000)
        {
            k++;
            p *= lambda * (1.0 / k);
            cdf += p;
        }
        return k;
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(7.5)]
    [InlineData(120)]
    [InlineData(900)] // past the inversion's range: the stream's own sampler
    public void Poisson_GivenTheStreamsFirstUniform_IsThePlainDraw(double lambda)
    {
        for (long partner = 1; partner <= 200; partner++)
        {
            var first = new CounterRandom(5).At(partner, 2, RandomStream.DealCount).Uniform();
            int plain = lambda > 500
                ? MathNet.Numerics.Distributions.Poisson.Sample(new CounterRandom(5).At(partner, 2, RandomStream.DealCount), lambda)
                : OneTermAtATime(lambda, first);
            Assert.Equal(plain, new CounterRandom(5).At(partner, 2, RandomStream.DealCount).Poisson(lambda, first));
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1)]
    [InlineData(7.5)]
    [InlineData(120)]
    [InlineData(499)]
    public void Poisson_Inversion_MatchesTheOneTermLoop(double lambda)
    {
        var rng = new CounterRandom(17);
        for (long partner = 0; partner < 20_000; partner++)
        {
            double u = rng.At(partner, 0, RandomStream.DealCount).Uniform();
            Assert.Equal(OneTermAtATime(lambda, u), rng.Poisson(lambda, u));
        }
        foreach (double u in new[] { 0.0, 1e-300, 0.5, 1 - 1e-16 })
            Assert.Equal(OneTermAtATime(lambda, u), rng.Poisson(lambda, u));
    }

    [Fact]
    public void PickPortfolio_IsTheFirstRunningShareAboveU()
    {
        // Shares 0.5, 0, 0.25, 0.15, 0.1: the running sums of the first four are 0.5, 0.5, 0.75, 0.9.
        var (c0, c1, c2, c3) = (Vector256.Create(0.5), Vector256.Create(0.5), Vector256.Create(0.75), Vector256.Create(0.9));
        Assert.Equal(Vector256.Create(0L, 0, 2, 2), DealLedger.PickPortfolio(Vector256.Create(0.0, 0.4999, 0.5, 0.7499), c0, c1, c2, c3));
        // The empty portfolio 1 is never picked; past the running sums comes the last portfolio.
        Assert.Equal(Vector256.Create(3L, 3, 4, 4), DealLedger.PickPortfolio(Vector256.Create(0.75, 0.8999, 0.9, 0.99999), c0, c1, c2, c3));
    }

    [Fact]
    public void PortfolioRates_GiveEachLaneItsPortfoliosRate()
    {
        var rates = new PortfolioRates(Vector256.Create(0.01, 0.02, 0.03, 0.04), 0.05);
        for (long a = 0; a < 5; a++)
            for (long b = 0; b < 5; b++)
            {
                var portfolio = Vector256.Create(a, b, 4 - a, (a + b) % 5);
                var expected = Vector256.Create((a + 1) / 100.0, (b + 1) / 100.0, (5 - a) / 100.0, ((a + b) % 5 + 1) / 100.0);
                Assert.Equal(expected, rates.At(portfolio));
                Assert.Equal(expected, rates.Portable(portfolio));
            }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(0.25)]      // exactly 16384/65536: the word must be below 16384
    [InlineData(1 / 3.0)]
    [InlineData(0.999999)]
    [InlineData(1.0)]
    public void CoinThreshold_AgreesWithTheComparison(double rate)
    {
        uint below = DealLedger.CoinThreshold(rate);
        for (uint word = 0; word < 65536; word++)
            Assert.Equal(word * (1.0 / 65536) < rate, word < below);
    }
}
