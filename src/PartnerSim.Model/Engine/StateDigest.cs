using System.Security.Cryptography;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Engine;

/// <summary>
/// The run's fingerprint: partners are taken in id order in blocks of <see cref="BlockSize"/>; each block
/// hashes the canonical bytes of its partners' final states (SHA-256), and the digest is the SHA-256 of the
/// block hashes in order. The block size is part of the definition, not of the deployment, so any number of
/// silos, cohorts or threads that each hash whole blocks produce the same hex string.
/// </summary>
public static class StateDigest
{
    public const int BlockSize = 1024;

    public static byte[] BlockHash(IEnumerable<PartnerState> blockInIdOrder) =>
        BlockHashOfEncoded(blockInIdOrder.Select(PartnerStateCodec.ToBytes));

    /// <summary>The block hash from states already in canonical bytes (as grains hand them over).</summary>
    public static byte[] BlockHashOfEncoded(IEnumerable<byte[]> encodedInIdOrder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var bytes in encodedInIdOrder) sha.AppendData(bytes);
        return sha.GetHashAndReset();
    }

    public static string Combine(IEnumerable<byte[]> blockHashesInOrder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var h in blockHashesInOrder) sha.AppendData(h);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
