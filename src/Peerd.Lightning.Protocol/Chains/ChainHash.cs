using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Chains;

/// <summary>
/// A BOLT <c>chain_hash</c>: the 32-byte genesis block hash in wire (internal) byte order, as sent in
/// <c>init</c>'s <c>networks</c> and in gossip messages. Bitcoin explorers display it byte-reversed.
/// </summary>
public readonly struct ChainHash : IEquatable<ChainHash>
{
    /// <summary>32 bytes.</summary>
    public const int Length = 32;

    private static readonly byte[] Zero = new byte[Length];

    private readonly byte[]? _bytes;

    /// <summary>Copies a 32-byte wire-order hash; throws <see cref="ArgumentException"/> for any other length.</summary>
    public ChainHash(ReadOnlySpan<byte> wireBytes)
    {
        if (wireBytes.Length != Length)
        {
            throw new ArgumentException("a chain hash is 32 bytes", nameof(wireBytes));
        }

        _bytes = wireBytes.ToArray();
    }

    /// <summary>The hash in wire order.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero;

    /// <summary>Parses 64 hex digits in wire order.</summary>
    public static bool TryParseWireHex(string? hex, out ChainHash hash)
    {
        hash = default;
        if (hex is null || hex.Length != Length * 2 || !Hex.TryDecode(hex, out var bytes))
        {
            return false;
        }

        hash = new ChainHash(bytes);
        return true;
    }

    /// <summary>Parses 64 hex digits in wire order; throws <see cref="FormatException"/> when invalid.</summary>
    public static ChainHash FromWireHex(string hex) =>
        TryParseWireHex(hex, out var hash) ? hash : throw new FormatException("a chain hash is 64 hex digits");

    /// <summary>Copies the wire bytes into <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination) => Bytes.CopyTo(destination);

    /// <summary>The wire-order hex (as Core Lightning's <c>chainparams.c</c> byte arrays read).</summary>
    public string ToWireHex() => Hex.Encode(Bytes);

    /// <summary>The byte-reversed hex a block explorer shows for the genesis block.</summary>
    public string ToDisplayHex()
    {
        Span<byte> reversed = stackalloc byte[Length];
        Bytes.CopyTo(reversed);
        reversed.Reverse();
        return Hex.Encode(reversed);
    }

    /// <inheritdoc />
    public bool Equals(ChainHash other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChainHash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>The wire-order hex.</summary>
    public override string ToString() => ToWireHex();

    /// <summary>Equality of the hash bytes.</summary>
    public static bool operator ==(ChainHash left, ChainHash right) => left.Equals(right);

    /// <summary>Inequality of the hash bytes.</summary>
    public static bool operator !=(ChainHash left, ChainHash right) => !left.Equals(right);
}
