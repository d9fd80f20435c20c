using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// An HMAC-SHA256 key prepared once (RFC 2104): the SHA-256 states after absorbing <c>K ⊕ ipad</c> and
/// <c>K ⊕ opad</c>. Each MAC then starts from copies of them, which saves two compressions per MAC when one key
/// authenticates several messages (HKDF-Expand's blocks). Contains secret material: <see cref="Clear"/> it.
/// </summary>
internal struct HmacSha256Key
{
    // "ipad = the byte 0x36 repeated B times; opad = the byte 0x5C repeated B times" (RFC 2104, section 2).
    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5C;

    private Sha256Hasher _inner;
    private Sha256Hasher _outer;

    /// <summary>Prepares <paramref name="key"/>; any length ("keys longer than B bytes are first hashed").</summary>
    public HmacSha256Key(ReadOnlySpan<byte> key)
    {
        // "append zeros to the end of K to create a B byte string"
        Span<byte> block = stackalloc byte[Sha256.BlockLength];
        block.Clear();
        if (key.Length > Sha256.BlockLength)
        {
            Sha256.Hash(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Xor(block, InnerPad);
        _inner = new Sha256Hasher();
        _inner.Append(block);

        Xor(block, InnerPad ^ OuterPad);
        _outer = new Sha256Hasher();
        _outer.Append(block);

        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>
    /// Writes <c>HMAC(K, first ‖ second ‖ third)</c> (32 bytes) into <paramref name="mac"/>, which may overlap the
    /// inputs. The prepared key is unchanged.
    /// </summary>
    public readonly void Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> mac)
    {
        // H(K ⊕ opad, H(K ⊕ ipad, text))
        Span<byte> innerHash = stackalloc byte[Sha256.HashLength];
        var inner = _inner;
        inner.Append(first);
        inner.Append(second);
        inner.Append(third);
        inner.Finish(innerHash);

        var outer = _outer;
        outer.Append(innerHash);
        outer.Finish(mac);
        CryptographicOperations.ZeroMemory(innerHash);
    }

    /// <summary>Wipes both states.</summary>
    public void Clear()
    {
        _inner.Clear();
        _outer.Clear();
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
}
