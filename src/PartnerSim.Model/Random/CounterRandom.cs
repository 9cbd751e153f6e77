using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PartnerSim.Model.Random;

/// <summary>
/// The one source of randomness: draws keyed by (seed, partner, quarter, stream, index), index counting the
/// draws of one stream. It derives from <see cref="System.Random"/> only so that MathNet.Numerics'
/// samplers can consume it; every value still comes from <see cref="Philox"/> at an explicit counter.
/// Positioned with <see cref="At"/>; reusing one instance per thread keeps the hot path allocation-free.
/// </summary>
public sealed class CounterRandom : System.Random
{
    /// <summary>Quarter coordinate used for draws made while generating the population (before the run).</summary>
    public const int PopulationQuarter = -1;

    private uint _k0, _k1, _partner, _quarter, _stream, _index;
    private PhiloxKeys _keys;

    public CounterRandom(ulong seed) : base(0) => SetKey(seed);

    /// <summary>Switches to another seed (a no-op for the current one: grains reseed a shared generator every call).</summary>
    public void Reseed(ulong seed)
    {
        if ((uint)seed != _k0 || (uint)(seed >> 32) != _k1) SetKey(seed);
    }

    private void SetKey(ulong seed)
    {
        _k0 = (uint)seed;
        _k1 = (uint)(seed >> 32);
        _keys = new PhiloxKeys(_k0, _k1);
    }

    /// <summary>Moves to the start of one stream of one partner in one quarter.</summary>
    public CounterRandom At(long partner, int quarter, RandomStream stream)
    {
        _partner = (uint)partner;
        _quarter = (uint)quarter;
        _stream = (uint)stream ^ ((uint)((ulong)partner >> 32) << 8);
        _index = 0;
        return this;
    }

    /// <summary>Index of the next draw in the current stream.</summary>
    public uint Index => _index;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var (a, b, _, _) = Philox.Block(_partner, _quarter, _stream, _index++, _k0, _k1);
        return ((ulong)a << 32) | b;
    }

    /// <summary>The next draw's whole 128-bit Philox block, for callers that need several values at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (uint, uint, uint, uint) NextBlock() => Philox.Block(_partner, _quarter, _stream, _index++, _k0, _k1);

    /// <summary>
    /// The blocks of draws <paramref name="index"/> … index + 3 of the current stream, one per lane (as
    /// <see cref="Philox.Block4"/>): what <see cref="NextBlock"/> gives at those indices. Pure: the position is left
    /// alone, so draws whose number is not yet known can start early.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BlocksAt(uint index, out Vector256<ulong> w0, out Vector256<ulong> w1, out Vector256<ulong> w2, out Vector256<ulong> w3) =>
        Philox.Block4(_partner, _quarter, _stream, index, _keys, out w0, out w1, out w2, out w3);

    /// <summary>Four <see cref="Uniform53(uint, uint)"/> at once, from lanes holding 32-bit words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Uniform53(Vector256<ulong> hi, Vector256<ulong> lo) =>
        Vector256.ConvertToDouble(((hi << 32) | lo) >>> 11) * Vector256.Create(1.0 / (1UL << 53));

    /// <summary>Four <see cref="NormalFrom(double)"/> at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> NormalFrom(Vector256<double> u) =>
        NormalQuantile.Of(Vector256.Max(u, Vector256.Create(double.Epsilon)));

    /// <summary>Uniform on [0, 1) with 53 random bits made from two 32-bit words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform53(uint hi, uint lo) => ((((ulong)hi << 32) | lo) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [0, 1) from one 32-bit word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform32(uint w) => w * (1.0 / 4294967296.0);

    /// <summary>Standard normal by inversion of a 53-bit uniform (never exactly 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NormalFrom(double u) => NormalQuantile.Of(u <= 0 ? double.Epsilon : u);

    // 1/k for the inversion's terms: a multiply per step instead of a divide (3% of a partner-quarter).
    private static readonly double[] Reciprocal = Enumerable.Range(0, 10_001).Select(k => k == 0 ? 0 : 1.0 / k).ToArray();

    /// <summary>
    /// Poisson by inversion of one uniform, the current stream's first (made beforehand with the partner-quarter's
    /// other single draws, <see cref="QuarterDraws"/>): one counter per draw, whatever the mean. Past a mean of
    /// 500, e^−λ nears the smallest double, so MathNet's sampler (PTRS) draws from the stream instead.
    /// </summary>
    public int Poisson(double lambda, double firstUniform) =>
        lambda <= 0 ? 0 : lambda > 500 ? MathNet.Numerics.Distributions.Poisson.Sample(this, lambda) : ByInversion(lambda, firstUniform);

    private static int ByInversion(double lambda, double u)
    {
        double p = Math.Exp(-lambda), cdf = p;
        if (u < cdf) return 0;
        // Two terms a turn, each computed exactly as one term a turn would (so the same k comes out), with one
        // loop test for both.
        var reciprocal = Reciprocal;
        for (int k = 0; k < 10_000; k += 2)
        {
            double p1 = p * (lambda * reciprocal[k + 1]), cdf1 = cdf + p1;
            double p2 = p1 * (lambda * reciprocal[k + 2]), cdf2 = cdf1 + p2;
            if (u < cdf2) return u < cdf1 ? k + 1 : k + 2;
            (p, cdf) = (p2, cdf2);
        }
        return 10_000;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by inversion: exactly one counter per draw.</summary>
    public double StandardNormal() => NormalFrom(Uniform());

    protected override double Sample() => Uniform();
    public override double NextDouble() => Uniform();
    public override int Next() => (int)(NextUInt64() >> 33);
    public override int Next(int maxValue) => maxValue <= 0 ? 0 : (int)((NextUInt64() >> 32) * (ulong)maxValue >> 32);
    public override int Next(int minValue, int maxValue) => minValue + Next(maxValue - minValue);
    public override long NextInt64() => (long)(NextUInt64() >> 1);
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());
}
