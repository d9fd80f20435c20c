namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// BOLT #1 truncated integers <c>tu16</c>, <c>tu32</c> and <c>tu64</c>: big-endian with leading zero bytes omitted
/// ("MUST NOT have leading zeros"), so zero is the empty encoding. They only occur as the last field of a TLV value,
/// whose length gives their width.
/// </summary>
public static class TruncatedUInt
{
    /// <summary>Width of a <c>tu16</c> at most.</summary>
    public const int MaxLength16 = 2;

    /// <summary>Width of a <c>tu32</c> at most.</summary>
    public const int MaxLength32 = 4;

    /// <summary>Width of a <c>tu64</c> at most.</summary>
    public const int MaxLength64 = 8;

    /// <summary>
    /// Decodes a truncated integer that is exactly <paramref name="source"/>. Returns
    /// <see cref="TlvError.KnownValueTooLong"/> when it is wider than <paramref name="maxLength"/> bytes and
    /// <see cref="TlvError.KnownValueNotMinimal"/> when it has a leading zero byte; never throws for peer input.
    /// </summary>
    public static TlvError TryRead(ReadOnlySpan<byte> source, int maxLength, out ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, MaxLength64);
        value = 0;
        if (source.Length > maxLength)
        {
            return TlvError.KnownValueTooLong;
        }

        if (!source.IsEmpty && source[0] == 0)
        {
            return TlvError.KnownValueNotMinimal;
        }

        ulong result = 0;
        foreach (byte b in source)
        {
            result = (result << 8) | b;
        }

        value = result;
        return TlvError.None;
    }

    /// <summary>The number of bytes the truncated encoding of <paramref name="value"/> takes (0 for zero).</summary>
    public static int GetLength(ulong value) => (64 - System.Numerics.BitOperations.LeadingZeroCount(value) + 7) / 8;

    /// <summary>Writes the truncated encoding of <paramref name="value"/>; returns the bytes written.</summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        int length = GetLength(value);
        if (destination.Length < length)
        {
            throw new ArgumentException("destination too short for the truncated integer", nameof(destination));
        }

        for (int i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)value;
            value >>= 8;
        }

        return length;
    }
}
