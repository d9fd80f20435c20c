using System.Security.Cryptography;
using Peerd.Crypto;

namespace Peerd.Xrpl.Protocol.Identity;

/// <summary>
/// How rippled turns a seed into a node key: <c>generateSecretKey(KeyType::secp256k1, seed)</c>, which is
/// <c>detail::deriveDeterministicRootKey</c> — the "root" key of the family, with no account tweak (the same as
/// ripple-keypairs' <c>deriveKeypair(seed, { validator: true })</c>).
/// </summary>
public static class NodeKeyDerivation
{
    /// <summary>rippled gives up after this many counter values (a valid scalar is found on the first in practice).</summary>
    public const int MaxAttempts = 128;

    /// <summary>
    /// "We fill this buffer with the seed and append a 32-bit counter": for seq = 0, 1, … the candidate is
    /// SHA512Half(seed ‖ seq as big-endian uint32); the first candidate that is a valid secp256k1 scalar wins.
    /// </summary>
    public static byte[] DeriveRootPrivateKey(FamilySeed seed)
    {
        Span<byte> buffer = stackalloc byte[FamilySeed.Length + sizeof(uint)];
        Span<byte> hash = stackalloc byte[SHA512.HashSizeInBytes];
        seed.Bytes.CopyTo(buffer);
        try
        {
            for (uint seq = 0; seq < MaxAttempts; seq++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer[FamilySeed.Length..], seq);
                SHA512.HashData(buffer, hash);
                if (Secp256k1.IsValidPrivateKey(hash[..Secp256k1.PrivateKeyLength]))
                {
                    return hash[..Secp256k1.PrivateKeyLength].ToArray();
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            CryptographicOperations.ZeroMemory(hash);
        }

        throw new InvalidOperationException("Unable to derive private key from seed");
    }
}
