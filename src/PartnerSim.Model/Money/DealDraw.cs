using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Money;

/// <summary>
/// Four deals' random values at a time from a partner-quarter's deal stream: one Philox block per deal, two
/// words for the lognormal value, one for the portfolio, one for the registration and assessment coins.
/// </summary>
internal readonly struct DealDraw(CounterRandom stream, double mu, double sigma)
{
    private readonly Vector256<double> _mu = Vector256.Create(mu), _sigma = Vector256.Create(sigma);

    /// <summary>Deals <paramref name="index"/> … index + 3: their values (USD) and the words for portfolio and coins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void At(uint index, out Vector256<double> value, out Vector256<ulong> portfolioWord, out Vector256<ulong> coinWord)
    {
        stream.BlocksAt(index, out var w0, out var w1, out portfolioWord, out coinWord);
        value = Vector256.Exp(_mu + _sigma * CounterRandom.NormalFrom(CounterRandom.Uniform53(w0, w1)));
    }
}
