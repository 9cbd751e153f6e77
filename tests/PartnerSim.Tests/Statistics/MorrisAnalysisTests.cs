using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Tests.Statistics;

/// <summary>Morris screening: trajectories on the p-level grid, and μ, μ*, σ of a function whose screening is known.</summary>
public class MorrisAnalysisTests
{
    /// <summary>y = 10·x1 + 1·x2 + 0·x3 + 5·x4·x5 on [0, 1]⁵: two linear factors, an idle one and an interacting pair.</summary>
    private static double Screening(double[] x) => 10 * x[0] + 1 * x[1] + 0 * x[2] + 5 * x[3] * x[4];

    private static IReadOnlyList<MorrisEffect> EffectsOf(MorrisDesign design, Func<double[], double> model) =>
        MorrisAnalysis.Effects(design, design.Points.Select(model).ToArray());

    [Fact]
    public void KnownScreening_IsRecovered()
    {
        var effects = EffectsOf(MorrisDesign.Create(trajectories: 20, dimension: 5, seed: 3, levels: 4), Screening);

        // A linear term's elementary effect is its coefficient at every step: μ* = coefficient, σ = 0 (to rounding).
        Assert.Equal(10.0, effects[0].MuStar, 12);
        Assert.Equal(10.0, effects[0].Mu, 12);
        Assert.Equal(0.0, effects[0].Sigma, 12);
        Assert.Equal(1.0, effects[1].MuStar, 12);
        Assert.Equal(0.0, effects[1].Sigma, 12);
        // An idle factor never changes the output.
        Assert.Equal(0.0, effects[2].MuStar);
        Assert.Equal(0.0, effects[2].Sigma);
        // x4's effect is 5·x5 and x5's is 5·x4, both varying with the other: σ > 0, and μ* = 5·E[partner] ≈ 2.5.
        Assert.True(effects[3].Sigma > 0.5);
        Assert.True(effects[4].Sigma > 0.5);
        Assert.InRange(effects[3].MuStar, 1.5, 3.5);
        Assert.InRange(effects[4].MuStar, 1.5, 3.5);

        var ranking = effects.OrderByDescending(e => e.MuStar).Select(e => e.Factor).ToArray();
        Assert.Equal(0, ranking[0]);
        Assert.Equal([1, 2], ranking[3..]);
    }

    [Fact]
    public void MuStar_SeesEffectsThatCancelInMu()
    {
        // y = (x − ½)² on the 4-level grid {0, ⅓, ⅔, 1}, Δ = ⅔: the steps are 0 ↔ ⅔, EE = (1/36 − ¼)/⅔ = −⅓, and
        // ⅓ ↔ 1, EE = (¼ − 1/36)/⅔ = +⅓. Every |EE| is ⅓, so μ* = ⅓ while the signs cancel in part in μ.
        var effects = EffectsOf(MorrisDesign.Create(trajectories: 40, dimension: 1, seed: 8, levels: 4), x => Math.Pow(x[0] - 0.5, 2));
        Assert.Equal(1 / 3.0, effects[0].MuStar, 12);
        Assert.True(Math.Abs(effects[0].Mu) < effects[0].MuStar);
        Assert.True(effects[0].Sigma > 0);
    }

    [Fact]
    public void DecreasingFactor_HasNegativeMu_AndPositiveMuStar()
    {
        var effects = EffectsOf(MorrisDesign.Create(trajectories: 10, dimension: 2, seed: 5, levels: 6), x => -3 * x[0] + x[1]);
        Assert.Equal(-3.0, effects[0].Mu, 12);
        Assert.Equal(3.0, effects[0].MuStar, 12);
        Assert.Equal(1.0, effects[1].Mu, 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(10)]
    public void Trajectories_MoveEachFactorOnceByDelta_OnTheGrid(int levels)
    {
        const int r = 300, d = 4;
        var design = MorrisDesign.Create(r, d, seed: 17, levels);
        double delta = levels / (2.0 * (levels - 1)); // Campolongo et al. 2007
        Assert.Equal(delta, design.Delta);
        Assert.Equal(r * (d + 1), design.Points.Count);
        var visits = new int[levels];
        for (int t = 0; t < r; t++)
        {
            var moved = new HashSet<int>();
            for (int s = 0; s <= d; s++)
            {
                foreach (double x in design.Points[design.IndexOf(t, s)])
                {
                    double level = x * (levels - 1);
                    Assert.Equal(Math.Round(level), level, 9);
                    Assert.InRange(x, 0.0, 1.0);
                    if (s == 0) visits[(int)Math.Round(level)]++;
                }
                if (s == d) continue;
                var before = design.Points[design.IndexOf(t, s)];
                var after = design.Points[design.IndexOf(t, s + 1)];
                var changed = Enumerable.Range(0, d).Where(j => before[j] != after[j]).ToArray();
                Assert.Equal([design.MovedFactor(t, s)], changed);
                Assert.Equal(delta, Math.Abs(after[changed[0]] - before[changed[0]]), 12);
                moved.Add(changed[0]);
            }
            Assert.Equal(d, moved.Count);
        }
        // Start points land on every level equally often (r·d = 1200 starts, ±25% of the expected share).
        double expected = r * d / (double)levels;
        Assert.All(visits, v => Assert.InRange(v, 0.75 * expected, 1.25 * expected));
    }

    [Fact]
    public void SameSeed_SameTrajectories_OtherSeed_Other()
        => DesignReproducibility.Check(seed => MorrisDesign.Create(5, 3, seed).Points, seed: 1);

    [Fact]
    public void OddLevels_AreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MorrisDesign.Create(4, 2, seed: 1, levels: 5));
}
