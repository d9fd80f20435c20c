using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Features;

/// <summary>
/// An immutable feature bitmap as carried in <c>init</c> and <c>node_announcement</c>: a big-endian byte string
/// whose last byte holds bits 0-7 ("features are packed to the end of the bitmap"). The bytes are kept exactly as
/// received (so <see cref="ToHex"/> prints what the peer sent, like Core Lightning); equality compares bits only.
/// Even bits are "required" and odd bits "optional"; a feature is <em>offered</em> when either bit of its pair is set.
/// </summary>
public sealed class FeatureBits : IEquatable<FeatureBits>
{
    /// <summary>The highest bit a u16-length bitmap can hold: 65535 * 8 - 1.</summary>
    public const int MaxBit = (ushort.MaxValue * 8) - 1;

    private readonly byte[] _bytes;

    private FeatureBits(byte[] bytes) => _bytes = bytes;

    /// <summary>No bits set, zero bytes long.</summary>
    public static FeatureBits Empty { get; } = new([]);

    /// <summary>The bytes as held (big-endian, possibly with leading zero bytes).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The byte length as held.</summary>
    public int Length => _bytes.Length;

    /// <summary>True when no bit is set.</summary>
    public bool IsEmpty => MinimalLength == 0;

    /// <summary>The length without leading zero bytes ("the minimum length required to represent" the bits).</summary>
    public int MinimalLength
    {
        get
        {
            int firstNonZero = _bytes.AsSpan().IndexOfAnyExcept((byte)0);
            return firstNonZero < 0 ? 0 : _bytes.Length - firstNonZero;
        }
    }

    /// <summary>The highest set bit, or -1 when none is set.</summary>
    public int HighestSetBit
    {
        get
        {
            int minimal = MinimalLength;
            if (minimal == 0)
            {
                return -1;
            }

            byte top = _bytes[_bytes.Length - minimal];
            return ((minimal - 1) * 8) + (7 - System.Numerics.BitOperations.LeadingZeroCount((uint)top) + 24);
        }
    }

    /// <summary>Copies a big-endian bitmap as given (leading zero bytes are kept).</summary>
    public static FeatureBits FromBytes(ReadOnlySpan<byte> bigEndian) => bigEndian.IsEmpty ? Empty : new(bigEndian.ToArray());

    /// <summary>A minimal bitmap with exactly the given bits set.</summary>
    public static FeatureBits FromBits(params ReadOnlySpan<int> bits)
    {
        int highest = -1;
        foreach (int bit in bits)
        {
            CheckBit(bit);
            highest = Math.Max(highest, bit);
        }

        if (highest < 0)
        {
            return Empty;
        }

        var bytes = new byte[(highest / 8) + 1];
        foreach (int bit in bits)
        {
            bytes[bytes.Length - 1 - (bit / 8)] |= (byte)(1 << (bit % 8));
        }

        return new(bytes);
    }

    /// <summary>Parses hex (as <c>listpeers</c> prints it); false for odd length or a non-hex digit.</summary>
    public static bool TryParseHex(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FeatureBits? bits)
    {
        bits = null;
        if (hex is null || !Hex.TryDecode(hex, out var bytes))
        {
            return false;
        }

        bits = bytes.Length == 0 ? Empty : new(bytes);
        return true;
    }

    /// <summary>Parses hex; throws <see cref="FormatException"/> when invalid.</summary>
    public static FeatureBits ParseHex(string hex) =>
        TryParseHex(hex, out var bits) ? bits : throw new FormatException("feature bits must be hex");

    /// <summary>True when <paramref name="bit"/> is set.</summary>
    public bool IsSet(int bit)
    {
        if (bit < 0)
        {
            return false;
        }

        int index = _bytes.Length - 1 - (bit / 8);
        return index >= 0 && (_bytes[index] & (1 << (bit % 8))) != 0;
    }

    /// <summary>True when either bit of <paramref name="bit"/>'s even/odd pair is set (the feature is offered).</summary>
    public bool IsOffered(int bit) => IsSet(bit & ~1) || IsSet(bit | 1);

    /// <summary>True when the even (compulsory) bit of <paramref name="bit"/>'s pair is set.</summary>
    public bool IsRequired(int bit) => IsSet(bit & ~1);

    /// <summary>The set bits in ascending order.</summary>
    public IEnumerable<int> SetBits()
    {
        for (int i = _bytes.Length - 1; i >= 0; i--)
        {
            byte b = _bytes[i];
            for (int bit = 0; b != 0 && bit < 8; bit++)
            {
                if ((b & (1 << bit)) != 0)
                {
                    yield return ((_bytes.Length - 1 - i) * 8) + bit;
                }
            }
        }
    }

    /// <summary>A copy with <paramref name="bit"/> set, grown as needed.</summary>
    public FeatureBits With(int bit)
    {
        CheckBit(bit);
        if (IsSet(bit))
        {
            return this;
        }

        int length = Math.Max(_bytes.Length, (bit / 8) + 1);
        var bytes = new byte[length];
        _bytes.CopyTo(bytes, length - _bytes.Length);
        bytes[length - 1 - (bit / 8)] |= (byte)(1 << (bit % 8));
        return new(bytes);
    }

    /// <summary>A copy with <paramref name="bit"/> cleared (same length).</summary>
    public FeatureBits Without(int bit)
    {
        if (!IsSet(bit))
        {
            return this;
        }

        var bytes = (byte[])_bytes.Clone();
        bytes[bytes.Length - 1 - (bit / 8)] &= (byte)~(1 << (bit % 8));
        return new(bytes);
    }

    /// <summary>
    /// Bitwise OR, as BOLT #1 combines <c>globalfeatures</c> and <c>features</c>; the result is as long as the longer
    /// input (Core Lightning's <c>featurebits_or</c>).
    /// </summary>
    public FeatureBits Or(FeatureBits other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._bytes.Length > _bytes.Length)
        {
            return other.Or(this);
        }

        var bytes = (byte[])_bytes.Clone();
        int offset = bytes.Length - other._bytes.Length;
        for (int i = 0; i < other._bytes.Length; i++)
        {
            bytes[offset + i] |= other._bytes[i];
        }

        return bytes.Length == 0 ? Empty : new(bytes);
    }

    /// <summary>Bitwise OR (see <see cref="Or"/>).</summary>
    public static FeatureBits operator |(FeatureBits left, FeatureBits right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Or(right);
    }

    /// <summary>The same bits without leading zero bytes.</summary>
    public FeatureBits ToMinimal()
    {
        int minimal = MinimalLength;
        return minimal == _bytes.Length ? this : FromBytes(_bytes.AsSpan(_bytes.Length - minimal));
    }

    /// <summary>Writes the minimal encoding into <paramref name="destination"/>; returns its length.</summary>
    public int WriteMinimal(Span<byte> destination)
    {
        int minimal = MinimalLength;
        _bytes.AsSpan(_bytes.Length - minimal).CopyTo(destination);
        return minimal;
    }

    /// <summary>Lowercase hex of the bytes as held (<c>listpeers</c>' <c>features</c>).</summary>
    public string ToHex() => Hex.Encode(_bytes);

    /// <inheritdoc />
    public bool Equals(FeatureBits? other) =>
        other is not null && _bytes.AsSpan(_bytes.Length - MinimalLength).SequenceEqual(other._bytes.AsSpan(other._bytes.Length - other.MinimalLength));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FeatureBits);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes.AsSpan(_bytes.Length - MinimalLength));
        return hash.ToHashCode();
    }

    /// <summary>The hex of the bytes as held.</summary>
    public override string ToString() => ToHex();

    private static void CheckBit(int bit) => ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)bit, (uint)MaxBit, nameof(bit));
}
