using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PartnerSim.Model.Random;

/// <summary>
/// The ten round keys of one Philox key (the seed), each already in a vector's lanes. The key schedule is the
/// same for every block of a run, so it is made once per seed rather than twice per round of every block.
/// </summary>
public readonly struct PhiloxKeys
{
    public const int Rounds = 10;

    [InlineArray(Rounds)]
    private struct PerRound { private Vector256<ulong> _key; }

    private readonly PerRound _k0, _k1;

    public PhiloxKeys(uint k0, uint k1)
    {
        for (int round = 0; round < Rounds; round++)
        {
            _k0[round] = Vector256.Create((ulong)k0);
            _k1[round] = Vector256.Create((ulong)k1);
            k0 += Philox.W0;
            k1 += Philox.W1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> K0(int round) => _k0[round];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> K1(int round) => _k1[round];
}
