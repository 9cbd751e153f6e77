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
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

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
    public static void Block4(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
        out Vector256<ulong> w0, out Vector256<ulong> w1, out Vector256<ulong> w2, out Vector256<ulong> w3) =>
        Block4(c0, c1, Vector256.Create((ulong)c2), Vector256.Create((ulong)c3) + Vector256.Create(0UL, 1, 2, 3) & Vector256.Create(0xFFFF_FFFFUL),
            k0, k1, out w0, out w1, out w2, out w3);

    /// <summary>Four blocks whose third and fourth counter words differ by lane (e.g. four streams of one partner).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block4(uint c0, uint c1, Vector256<ulong> c2, Vector256<ulong> c3, uint k0, uint k1,
        out Vector256<ulong> w0, out Vector256<ulong> w1, out Vector256<ulong> w2, out Vector256<ulong> w3)
    {
        // The ten rounds written out: as a loop the JIT kept the lanes in memory between rounds.
        Vector256<ulong> x0 = Vector256.Create((ulong)c0), x1 = Vector256.Create((ulong)c1), x2 = c2, x3 = c3;
        Round(ref x0, ref x1, ref x2, ref x3, k0, k1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        Round(ref x0, ref x1, ref x2, ref x3, k0 += W0, k1 += W1);
        (w0, w1, w2, w3) = (x0, x1, x2, x3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref Vector256<ulong> x0, ref Vector256<ulong> x1, ref Vector256<ulong> x2, ref Vector256<ulong> x3, uint k0, uint k1)
    {
        var low = Vector256.Create(0xFFFF_FFFFUL);
        var p0 = Multiply32(x0, Vector256.Create((ulong)M0));
        var p1 = Multiply32(x2, Vector256.Create((ulong)M1));
        x0 = (p1 >>> 32) ^ x1 ^ Vector256.Create((ulong)k0);
        x2 = (p0 >>> 32) ^ x3 ^ Vector256.Create((ulong)k1);
        x1 = p1 & low;
        x3 = p0 & low;
    }

    /// <summary>Full 64-bit products of lanes holding 32-bit values (vpmuludq where there is AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Multiply32(Vector256<ulong> a, Vector256<ulong> b) =>
        Avx2.IsSupported ? Avx2.Multiply(a.AsUInt32(), b.AsUInt32()) : a * b;
}
