using Peerd.Crypto;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Serialization;
using Peerd.Xrpl.Protocol.Tokens;

namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>
/// A 33-byte XRPL public key as rippled's <c>PublicKey</c> holds it — a validator's or publisher's master key, or an
/// ephemeral signing key — with rippled's <c>verify</c> rules: secp256k1 signs <c>sha512Half(message)</c> with a
/// strict-DER, low-S signature; Ed25519 signs the message itself with a canonical 64-byte signature.
/// </summary>
public sealed class ValidatorKey : IEquatable<ValidatorKey>
{
    /// <summary>The encoded length.</summary>
    public const int Length = 33;

    private readonly byte[] _bytes;

    private ValidatorKey(byte[] bytes, KeyType type)
    {
        _bytes = bytes;
        Type = type;
    }

    /// <summary>The key type.</summary>
    public KeyType Type { get; }

    /// <summary>The 33 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The key in upper-case hex, as rippled's configuration and JSON write it.</summary>
    public string Hex => Convert.ToHexString(_bytes);

    /// <summary>Parses 33 bytes with a known type prefix (<c>publicKeyType</c>); null otherwise.</summary>
    public static ValidatorKey? TryCreate(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            return null;
        }

        return bytes[0] switch
        {
            0xED => new ValidatorKey(bytes.ToArray(), KeyType.Ed25519),
            0x02 or 0x03 => new ValidatorKey(bytes.ToArray(), KeyType.Secp256k1),
            _ => null,
        };
    }

    /// <summary>Parses hex (66 digits) or a base58 node public key (<c>n…</c>), as rippled's configuration accepts.</summary>
    public static ValidatorKey? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length == Length * 2 && Primitives.Hex.TryDecode(text, out var raw))
        {
            return TryCreate(raw);
        }

        return XrplBase58.TryDecodeToken(text, TokenType.NodePublic, Length, out var decoded) ? TryCreate(decoded) : null;
    }

    /// <summary>The base58 node public key (<c>n…</c>), as rippled's JSON shows validation keys.</summary>
    public string ToBase58() => XrplBase58.EncodeToken(TokenType.NodePublic, _bytes);

    /// <summary>rippled's <c>verify(publicKey, message, signature, mustBeFullyCanonical=true)</c>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Type == KeyType.Ed25519
        ? Ed25519.Verify(signature, message, _bytes.AsSpan(1))
        : Secp256k1.VerifyDer(signature, HashPrefix.Sha512Half(message), _bytes, allowHighS: false);

    /// <summary>rippled's <c>verifyDigest</c>: secp256k1 only (false for Ed25519 keys, which never sign digests).</summary>
    public bool VerifyDigest(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, bool mustBeFullyCanonical) =>
        Type == KeyType.Secp256k1 && Secp256k1.VerifyDer(signature, digest, _bytes, allowHighS: !mustBeFullyCanonical);

    /// <inheritdoc />
    public bool Equals(ValidatorKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidatorKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Hex;
}
