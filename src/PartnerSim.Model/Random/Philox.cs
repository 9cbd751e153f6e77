using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PartnerSim.Model.Random;

/// <summary>
/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC11): a counter-based
/// generator. Output is a pure function of (key, counter), so any draw can be recomputed from its
/// coordinates alone: no generator state travels with partners, silos or threads.
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    internal const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (uint, uint, uint, uint) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0);
        }
        return (c0, c1, c2, c3);
    }

    /// <summary>
    /// The blocks at counters (c0, c1, c2, c3 + j) for j = 0…3, one per 64-bit lane (each word in the lane's
    /// low 32 bits): exactly the four <see cref="Block"/> results, computed side by side. Deals draw one
    /// block each, so this is where a partner-quarter's randomness is made.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block4(uint c0, uint c1, uint c2, uint c3, in PhiloxKeys keys,
        out Vector256<ulong> w0, out Vector256<ulong> w1, out Vector256<ulong> w2, out Vector256<ulong> w3) =>
        Block4(c0, c1, Vector256.Create((ulong)c2), Vector256.Create((ulong)c3) + Vector256.Create(0UL, 1, 2, 3) & Vector256.Create(0xFFFF_FFFFUL),
            keys, out w0, out w1, out w2, out w3);

    /// <summary>Four blocks whose third and fourth counter words differ by lane (e.g. four streams of one partner).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block4(uint c0, uint c1, Vector256<ulong> c2, Vector256<ulong> c3, in PhiloxKeys keys,
        out Vector256<ulong> w0, out Vector256<ulong> w1, out Vector256<ulong> w2, out Vector256<ulong> w3)
    {
        // The ten rounds written out: as a loop the JIT kept the lanes in memory between rounds. Inside the rounds
        // a lane's upper half is left holding whatever the products put there: the multiplies read only the low
        // 32 bits and the words are taken from those, so one mask at the end does for twenty.
        Vector256<ulong> x0 = Vector256.Create((ulong)c0), x1 = Vector256.Create((ulong)c1), x2 = c2, x3 = c3;
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(0), keys.K1(0));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(1), keys.K1(1));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(2), keys.K1(2));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(3), keys.K1(3));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(4), keys.K1(4));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(5), keys.K1(5));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(6), keys.K1(6));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(7), keys.K1(7));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(8), keys.K1(8));
        Round(ref x0, ref x1, ref x2, ref x3, keys.K0(9), keys.K1(9));
        var low = Vector256.Create(0xFFFF_FFFFUL);
        (w0, w1, w2, w3) = (x0 & low, x1 & low, x2 & low, x3 & low);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref Vector256<ulong> x0, ref Vector256<ulong> x1, ref Vector256<ulong> x2, ref Vector256<ulong> x3,
        Vector256<ulong> k0, Vector256<ulong> k1)
    {
        var p0 = Multiply32(x0, Vector256.Create((ulong)M0));
        var p1 = Multiply32(x2, Vector256.Create((ulong)M1));
        x0 = (p1 >>> 32) ^ x1 ^ k0;
        x2 = (p0 >>> 32) ^ x3 ^ k1;
        x1 = p1;
        x3 = p0;
    }

    /// <summary>Full 64-bit products of the lanes' low 32 bits (vpmuludq where there is AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Multiply32(Vector256<ulong> a, Vector256<ulong> b) =>
        Avx2.IsSupported ? Avx2.Multiply(a.AsUInt32(), b.AsUInt32()) : (a & Vector256.Create(0xFFFF_FFFFUL)) * b;
}
