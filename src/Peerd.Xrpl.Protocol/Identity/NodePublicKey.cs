using Peerd.Crypto;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Tokens;

namespace Peerd.Xrpl.Protocol.Identity;

/// <summary>
/// A node's 33-byte public key and its text form, XRPL base58check with <see cref="TokenType.NodePublic"/> (an
/// <c>n…</c> string, as in the <c>Public-Key</c> handshake header and <c>peers</c>' <c>public_key</c>). Parsing
/// accepts what rippled's <c>parseBase58&lt;PublicKey&gt;</c> accepts: 33 bytes starting <c>02</c>/<c>03</c>
/// (secp256k1) or <c>ED</c> (Ed25519); whether the point is on the curve is checked when a signature is verified.
/// </summary>
public sealed class NodePublicKey : IEquatable<NodePublicKey>
{
    /// <summary>Length of a node public key.</summary>
    public const int Length = 33;

    /// <summary>The prefix byte of an Ed25519 public key in rippled's encoding.</summary>
    public const byte Ed25519Prefix = 0xED;

    private readonly byte[] _bytes;

    private NodePublicKey(byte[] bytes) => _bytes = bytes;

    /// <summary>The 33 key bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>True for a compressed secp256k1 key (prefix <c>02</c> or <c>03</c>), the only kind rippled accepts for nodes.</summary>
    public bool IsSecp256k1 => _bytes[0] is 0x02 or 0x03;

    /// <summary>Wraps 33 bytes with a known prefix; throws <see cref="ArgumentException"/> otherwise (our own misuse).</summary>
    public static NodePublicKey FromBytes(ReadOnlySpan<byte> bytes) =>
        TryFromBytes(bytes, out var key) ? key : throw new ArgumentException("not a 33-byte node public key", nameof(bytes));

    /// <summary>Wraps 33 bytes whose first byte is <c>02</c>, <c>03</c> or <c>ED</c>.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out NodePublicKey key)
    {
        key = null!;
        if (bytes.Length != Length || (bytes[0] is not (0x02 or 0x03 or Ed25519Prefix)))
        {
            return false;
        }

        key = new NodePublicKey(bytes.ToArray());
        return true;
    }

    /// <summary>Parses an <c>n…</c> string; false for bad base58, a bad checksum, another token type or a bad length/prefix.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NodePublicKey key)
    {
        key = null!;
        return XrplBase58.TryDecodeToken(text, TokenType.NodePublic, Length, out var data) && TryFromBytes(data, out key);
    }

    /// <summary>Verifies a strict-DER secp256k1 signature of a 32-byte digest; high-S signatures are accepted (rippled normalises them).</summary>
    public bool VerifyDigest(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> derSignature) =>
        IsSecp256k1 && Secp256k1.VerifyDer(derSignature, digest, _bytes, allowHighS: true);

    /// <summary>The <c>n…</c> text form.</summary>
    public string ToBase58() => XrplBase58.EncodeToken(TokenType.NodePublic, _bytes);

    /// <summary>The key as lowercase hex.</summary>
    public string ToHex() => Hex.Encode(_bytes);

    /// <inheritdoc />
    public override string ToString() => ToBase58();

    /// <inheritdoc />
    public bool Equals(NodePublicKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NodePublicKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
