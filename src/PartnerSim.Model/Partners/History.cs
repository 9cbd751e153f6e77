using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PartnerSim.Model.Partners;

/// <summary>The state's by-age arrays ([0] newest), moved one quarter older every step.</summary>
public static class History
{
    /// <summary>
    /// a[k] ← a[k − 1] for every k ≥ 1, then a[0] = 0. An array two vectors long (the bookings' eight doubles, the
    /// Black Belt's sixteen ints) moves as two overlapping vector loads and stores: this runs for every partner
    /// every quarter, and element by element (or by <c>Array.Copy</c>) it cost several percent of a step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Age<T>(Span<T> a) where T : struct
    {
        int n = Vector256<T>.Count;
        if (a.Length == 2 * n)
        {
            ref T first = ref MemoryMarshal.GetReference(a);
            var newer = Vector256.LoadUnsafe(ref first);
            var older = Vector256.LoadUnsafe(ref first, (nuint)(n - 1));
            newer.StoreUnsafe(ref first, 1);
            older.StoreUnsafe(ref first, (nuint)n);
        }
        else
        {
            for (int k = a.Length - 1; k > 0; k--) a[k] = a[k - 1];
        }
        if (a.Length > 0) a[0] = default;
    }
}

