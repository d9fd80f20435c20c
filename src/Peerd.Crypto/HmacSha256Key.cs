using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// An HMAC-SHA256 key prepared once (RFC 2104): the blocks <c>K ⊕ ipad</c> and <c>K ⊕ opad</c>, held inline, so one
/// key authenticates several messages (HKDF-Expand's blocks) without padding it again. Each MAC hashes them with the
/// thread's <see cref="Sha256Hasher"/>. Contains secret material: <see cref="Clear"/> it.
/// </summary>
internal struct HmacSha256Key
{
    // "ipad = the byte 0x36 repeated B times; opad = the byte 0x5C repeated B times" (RFC 2104, section 2).
    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5C;

    private Block _inner;
    private Block _outer;

    /// <summary>Prepares <paramref name="key"/>; any length ("keys longer than B bytes are first hashed").</summary>
    public HmacSha256Key(ReadOnlySpan<byte> key)
    {
        // "append zeros to the end of K to create a B byte string"
        Span<byte> inner = _inner;
        inner.Clear();
        if (key.Length > Sha256.BlockLength)
        {
            Sha256.Hash(key, inner);
        }
        else
        {
            key.CopyTo(inner);
        }

        Span<byte> outer = _outer;
        inner.CopyTo(outer);
        Xor(inner, InnerPad);
        Xor(outer, OuterPad);
    }

    /// <summary>
    /// Writes <c>HMAC(K, first ‖ second ‖ third)</c> (32 bytes) into <paramref name="mac"/>, which may overlap the
    /// inputs. The prepared key is unchanged.
    /// </summary>
    public readonly void Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> mac)
    {
        // H(K ⊕ opad, H(K ⊕ ipad, text))
        Span<byte> innerHash = stackalloc byte[Sha256.HashLength];
        var hasher = Sha256Hasher.Rent();
        try
        {
            hasher.Append(_inner);
            hasher.Append(first);
            hasher.Append(second);
            hasher.Append(third);
            hasher.Finish(innerHash);

            hasher.Reset();
            hasher.Append(_outer);
            hasher.Append(innerHash);
            hasher.Finish(mac);
        }
        finally
        {
            Sha256Hasher.Return(hasher);
            CryptographicOperations.ZeroMemory(innerHash);
        }
    }

    /// <summary>Wipes both blocks.</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(_inner);
        CryptographicOperations.ZeroMemory(_outer);
    }

    private static void Xor(Span<byte> block, int pad)
    {
        // Eight bytes at a time: the pad byte repeated across a 64-bit word.
        var words = MemoryMarshal.Cast<byte, ulong>(block);
        var mask = 0x0101010101010101UL * (byte)pad;
        for (var i = 0; i < words.Length; i++)
        {
            words[i] ^= mask;
        }
    }

    /// <summary>One SHA-256 block (64 bytes).</summary>
    [InlineArray(Sha256.BlockLength)]
    private struct Block
    {
        private byte _element0;
    }
}
