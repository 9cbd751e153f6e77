using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PartnerSim.Model.Money;

/// <summary>
/// A rate per portfolio (USD earned per USD booked), read for four deals at once by each lane's portfolio. The
/// five rates sit in two registers, so a look-up is one two-register permute where the CPU has one (AVX-512),
/// instead of four scalar loads put back together.
/// </summary>
internal readonly struct PortfolioRates
{
    private readonly Vector256<double> _first4, _last;

    /// <param name="first4">The rates of portfolios 0 … 3.</param>
    /// <param name="last">The rate of portfolio 4.</param>
    public PortfolioRates(Vector256<double> first4, double last)
    {
        _first4 = first4;
        _last = Vector256.Create(last);
    }

    /// <param name="portfolio">Each lane's portfolio, 0 … 4.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> At(Vector256<long> portfolio) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.PermuteVar4x64x2(_first4, portfolio, _last) : Portable(portfolio);

    /// <summary>The same look-up without AVX-512 (a test checks it where the CPU has AVX-512).</summary>
    internal Vector256<double> Portable(Vector256<long> portfolio) =>
        Vector256.ConditionalSelect(Vector256.Equals(portfolio, Vector256.Create(4L)).AsDouble(), _last,
            Vector256.Shuffle(_first4, portfolio));
}
