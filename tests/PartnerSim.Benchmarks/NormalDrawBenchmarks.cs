using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using PartnerSim.Model.Random;

namespace PartnerSim.Benchmarks;

/// <summary>
/// One standard normal by inversion, three ways: MathNet's general inverse CDF (what the engine used before),
/// the AS 241 quantile for one value, and four values in vector lanes (what deals use). Each call takes the next
/// of 1,024 uniforms, so the 15% of draws that fall in the tails are mixed in as in a run.
/// </summary>
public class NormalDrawBenchmarks
{
    private readonly double[] _uniforms = new double[1024];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new CounterRandom(1).At(1, 0, RandomStream.Deals);
        for (int i = 0; i < _uniforms.Length; i++) _uniforms[i] = rng.Uniform();
    }

    private double NextUniform() => _uniforms[_next++ & 1023];

    [Benchmark(Baseline = true, Description = "MathNet Normal.InvCDF, one draw")]
    public double MathNetInvCdf() => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, NextUniform());

    [Benchmark(Description = "NormalQuantile.Of, one draw")]
    public double Quantile() => NormalQuantile.Of(NextUniform());

    [Benchmark(Description = "NormalQuantile.Of, four draws in vector lanes")]
    public Vector256<double> QuantileFour() =>
        NormalQuantile.Of(Vector256.Create(NextUniform(), NextUniform(), NextUniform(), NextUniform()));
}
