using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The 96-bit ChaCha20-Poly1305 nonce: "32 bits of leading zeroes followed by a 64-bit little-endian value"
/// (BOLT #8, <c>encryptWithAD</c>).
/// </summary>
internal static class NoiseNonce
{
    /// <summary>Length of the AEAD nonce.</summary>
    public const int Length = 12;

    /// <summary>Writes the nonce for counter <paramref name="n"/>.</summary>
    public static void Write(Span<byte> nonce, ulong n)
    {
        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], n);
    }
}
