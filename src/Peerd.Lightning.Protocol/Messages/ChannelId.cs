using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// A 32-byte BOLT <c>channel_id</c>. In <c>error</c> and <c>warning</c>, all zeros means "all channels"
/// ("The channel is referred to by <c>channel_id</c>, unless <c>channel_id</c> is 0 (i.e. all bytes are 0)").
/// </summary>
public readonly struct ChannelId : IEquatable<ChannelId>
{
    /// <summary>32 bytes.</summary>
    public const int Length = 32;

    private static readonly byte[] Zero = new byte[Length];

    private readonly byte[]? _bytes;

    /// <summary>Copies 32 bytes; throws <see cref="ArgumentException"/> for any other length.</summary>
    public ChannelId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("a channel_id is 32 bytes", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>All zeros: the message concerns every channel (or the connection itself).</summary>
    public static ChannelId All => default;

    /// <summary>The id bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero;

    /// <summary>True when all 32 bytes are zero.</summary>
    public bool IsAll => !Bytes.ContainsAnyExcept((byte)0);

    /// <inheritdoc />
    public bool Equals(ChannelId other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChannelId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Lowercase hex.</summary>
    public override string ToString() => Hex.Encode(Bytes);

    /// <summary>Equality of the id bytes.</summary>
    public static bool operator ==(ChannelId left, ChannelId right) => left.Equals(right);

    /// <summary>Inequality of the id bytes.</summary>
    public static bool operator !=(ChannelId left, ChannelId right) => !left.Equals(right);
}
