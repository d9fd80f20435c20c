using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Peerd.Crypto;

/// <summary>
/// A secp256k1 public key already parsed into libsecp256k1's 64-byte internal form (<c>secp256k1_pubkey</c>).
/// Parsing a compressed key decompresses it (a square root, a few µs), so a key used for more than one operation
/// (BOLT 8 uses each remote ephemeral key for two ECDHs) is parsed once with <see cref="TryParse"/> and passed by
/// <c>in</c> reference. The internal form is opaque and specific to the library build: never store or send it.
/// </summary>
/// <remarks><c>default(Secp256k1PublicKey)</c> is not a key: every operation on it fails (returns false).</remarks>
public struct Secp256k1PublicKey
{
    private InternalForm _point;
    private bool _parsed;

    /// <summary>True when this value came from a successful <see cref="TryParse"/>.</summary>
    public readonly bool IsValid => _parsed;

    /// <summary>The internal form, for <see cref="Secp256k1"/>; empty for an unparsed value.</summary>
    [UnscopedRef]
    internal readonly ReadOnlySpan<byte> Point => _parsed ? _point : [];

    /// <summary>
    /// Parses a 33-byte compressed key (<c>02</c>/<c>03</c> ‖ x). False, and <paramref name="key"/> invalid, when it
    /// is not a compressed encoding of a point on the curve; never throws for bad input.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> compressedPublicKey, out Secp256k1PublicKey key)
    {
        key = default;
        key._parsed = Secp256k1.TryParseCompressed(compressedPublicKey, key._point);
        return key._parsed;
    }

    /// <summary>libsecp256k1's <c>secp256k1_pubkey</c>: 64 opaque bytes.</summary>
    [InlineArray(Secp256k1.InternalKeyLength)]
    private struct InternalForm
    {
        private byte _element0;
    }
}
