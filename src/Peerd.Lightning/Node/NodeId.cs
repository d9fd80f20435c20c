using Peerd.Crypto;
using Peerd.Primitives;

namespace Peerd.Lightning.Node;

/// <summary>A Lightning node id: a 33-byte compressed secp256k1 public key, printed as 66 lowercase hex digits.</summary>
public readonly struct NodeId : IEquatable<NodeId>
{
    private readonly byte[] _bytes;
    private readonly string _hex;

    private NodeId(byte[] bytes)
    {
        _bytes = bytes;
        _hex = Hex.Encode(bytes);
    }

    /// <summary>The 33 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Wraps a public key; throws <see cref="ArgumentException"/> if it is not a valid compressed point.</summary>
    public static NodeId FromBytes(ReadOnlySpan<byte> publicKey)
    {
        if (!Secp256k1.IsValidPublicKey(publicKey))
        {
            throw new ArgumentException("not a valid node id", nameof(publicKey));
        }

        return new NodeId(publicKey.ToArray());
    }

    /// <summary>Wraps 33 bytes the caller has already checked to be a valid point (a parameter parser), sparing a second decompression.</summary>
    internal static NodeId FromCheckedBytes(byte[] publicKey) => new(publicKey);

    /// <summary>Parses 66 hex digits (either case) of a valid compressed point.</summary>
    public static bool TryParse(string? text, out NodeId id)
    {
        id = default;
        if (text is null || text.Length != 2 * Secp256k1.PublicKeyLength || !Hex.TryDecode(text, out var bytes) || !Secp256k1.IsValidPublicKey(bytes))
        {
            return false;
        }

        id = new NodeId(bytes);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(NodeId other) => _hex == other._hex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NodeId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hex?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>Lowercase hex.</summary>
    public override string ToString() => _hex;

    /// <summary>Equality.</summary>
    public static bool operator ==(NodeId left, NodeId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(NodeId left, NodeId right) => !left.Equals(right);
}
