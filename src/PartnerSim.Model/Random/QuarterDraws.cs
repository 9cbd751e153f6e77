using System.Runtime.Intrinsics;

namespace PartnerSim.Model.Random;

/// <summary>
/// A partner-quarter's single draws, all from the first four blocks of its <see cref="RandomStream.Quarter"/>
/// stream, made in one vector Philox call whether or not a rule ends up using them (cheaper than a block for each
/// one that is used). Each block gives two 53-bit values, from its words 0–1 and 2–3 (<see cref="CounterRandom.Uniform53(uint, uint)"/>):
/// uniforms for awareness, action, the deal count and leaving, and standard normals (by inversion) for the bookings
/// noise and the ACV and TCV metric noise.
/// </summary>
public readonly record struct QuarterDraws(double Awareness, double Action, double DealCount, double Leaving,
    double BookingsNoise, double AcvNoise, double TcvNoise)
{
    public static QuarterDraws Of(CounterRandom rng, long partner, int quarter)
    {
        rng.At(partner, quarter, RandomStream.Quarter).BlocksAt(0, out var w0, out var w1, out var w2, out var w3);
        // Lane k holds block k: its first value in `first`, its second in `second`.
        var first = CounterRandom.Uniform53(w0, w1);
        var second = CounterRandom.Uniform53(w2, w3);
        // The fourth lane is unused; a central value there keeps it from sending the vector down the quantile's
        // tail path.
        var z = CounterRandom.NormalFrom(Vector256.Create(first[2], second[2], first[3], 0.5));
        return new(first[0], second[0], first[1], second[1], z[0], z[1], z[2]);
    }
}
