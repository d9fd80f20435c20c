using System.Buffers;
using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// BOLT #1 <c>bigsize</c>: a variable-length unsigned integer, big-endian, that MUST be minimally encoded.
/// <c>x &lt; 0xfd</c> is one byte; <c>x &lt; 0x10000</c> is <c>fd</c> + u16; <c>x &lt; 2^32</c> is <c>fe</c> + u32;
/// otherwise <c>ff</c> + u64.
/// </summary>
public static class BigSize
{
    /// <summary>The longest encoding: the <c>ff</c> prefix and a u64 (1 + 8).</summary>
    public const int MaxLength = 1 + 8;

    private const byte Prefix16 = 0xfd;
    private const byte Prefix32 = 0xfe;
    private const byte Prefix64 = 0xff;

    /// <summary>
    /// Reads one BigSize from the start of <paramref name="source"/>. Never throws: short or non-minimal input is
    /// reported through the returned status, with <paramref name="value"/> 0 and <paramref name="bytesRead"/> 0.
    /// </summary>
    public static BigSizeStatus TryRead(ReadOnlySpan<byte> source, out ulong value, out int bytesRead)
    {
        value = 0;
        bytesRead = 0;
        if (source.IsEmpty)
        {
            return BigSizeStatus.EndOfInput;
        }

        byte prefix = source[0];
        ulong decoded;
        int length;
        ulong minimum;
        switch (prefix)
        {
            case Prefix16:
                length = 1 + 2;
                if (source.Length < length)
                {
                    return BigSizeStatus.UnexpectedEndOfInput;
                }

                decoded = BinaryPrimitives.ReadUInt16BigEndian(source[1..]);
                minimum = Prefix16;
                break;
            case Prefix32:
                length = 1 + 4;
                if (source.Length < length)
                {
                    return BigSizeStatus.UnexpectedEndOfInput;
                }

                decoded = BinaryPrimitives.ReadUInt32BigEndian(source[1..]);
                minimum = 0x1_0000;
                break;
            case Prefix64:
                length = 1 + 8;
                if (source.Length < length)
                {
                    return BigSizeStatus.UnexpectedEndOfInput;
                }

                decoded = BinaryPrimitives.ReadUInt64BigEndian(source[1..]);
                minimum = 0x1_0000_0000;
                break;
            default:
                value = prefix;
                bytesRead = 1;
                return BigSizeStatus.Done;
        }

        if (decoded < minimum)
        {
            return BigSizeStatus.NotCanonical;
        }

        value = decoded;
        bytesRead = length;
        return BigSizeStatus.Done;
    }

    /// <summary>The length of the minimal encoding of <paramref name="value"/>: 1, 3, 5 or 9.</summary>
    public static int GetLength(ulong value) => value switch
    {
        < Prefix16 => 1,
        <= ushort.MaxValue => 1 + 2,
        <= uint.MaxValue => 1 + 4,
        _ => 1 + 8,
    };

    /// <summary>
    /// Writes the minimal encoding of <paramref name="value"/>; returns the bytes written. Throws
    /// <see cref="ArgumentException"/> when <paramref name="destination"/> is shorter than <see cref="GetLength"/>.
    /// </summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        int length = GetLength(value);
        if (destination.Length < length)
        {
            throw new ArgumentException("destination too short for the BigSize", nameof(destination));
        }

        switch (length)
        {
            case 1:
                destination[0] = (byte)value;
                break;
            case 3:
                destination[0] = Prefix16;
                BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)value);
                break;
            case 5:
                destination[0] = Prefix32;
                BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)value);
                break;
            default:
                destination[0] = Prefix64;
                BinaryPrimitives.WriteUInt64BigEndian(destination[1..], value);
                break;
        }

        return length;
    }

    /// <summary>Writes the minimal encoding of <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void Write(ulong value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int written = Write(value, output.GetSpan(MaxLength));
        output.Advance(written);
    }
}
