using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// BOLT #1 signed integers <c>s8</c>, <c>s16</c>, <c>s32</c> and <c>s64</c>: "encoded using big-endian two's
/// complement" (Appendix D). The vectors use the narrowest of the four widths that holds the value.
/// </summary>
public static class SignedInteger
{
    /// <summary>The narrowest width (1, 2, 4 or 8 bytes) that holds <paramref name="value"/>.</summary>
    public static int GetLength(long value) => value switch
    {
        >= sbyte.MinValue and <= sbyte.MaxValue => 1,
        >= short.MinValue and <= short.MaxValue => 2,
        >= int.MinValue and <= int.MaxValue => 4,
        _ => 8,
    };

    /// <summary>Writes <paramref name="value"/> at its narrowest width; returns the bytes written.</summary>
    public static int Write(long value, Span<byte> destination)
    {
        int length = GetLength(value);
        if (destination.Length < length)
        {
            throw new ArgumentException("destination too short for the signed integer", nameof(destination));
        }

        switch (length)
        {
            case 1:
                destination[0] = (byte)(sbyte)value;
                break;
            case 2:
                BinaryPrimitives.WriteInt16BigEndian(destination, (short)value);
                break;
            case 4:
                BinaryPrimitives.WriteInt32BigEndian(destination, (int)value);
                break;
            default:
                BinaryPrimitives.WriteInt64BigEndian(destination, value);
                break;
        }

        return length;
    }

    /// <summary>
    /// Reads an <c>s8</c>, <c>s16</c>, <c>s32</c> or <c>s64</c> whose width is the length of <paramref name="source"/>;
    /// false for any other length.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out long value)
    {
        switch (source.Length)
        {
            case 1:
                value = (sbyte)source[0];
                return true;
            case 2:
                value = BinaryPrimitives.ReadInt16BigEndian(source);
                return true;
            case 4:
                value = BinaryPrimitives.ReadInt32BigEndian(source);
                return true;
            case 8:
                value = BinaryPrimitives.ReadInt64BigEndian(source);
                return true;
            default:
                value = 0;
                return false;
        }
    }
}
