using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>Bounds-checked big-endian field reads over a message payload; every read is a <c>Try</c>.</summary>
internal ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> _payload;
    private int _position;

    public PayloadReader(ReadOnlySpan<byte> payload)
    {
        _payload = payload;
        _position = 0;
    }

    /// <summary>The bytes not yet read (a message's <c>extension</c>, once the known fields are read).</summary>
    public readonly ReadOnlySpan<byte> Remaining => _payload[_position..];

    public bool TryReadU16(out ushort value)
    {
        value = 0;
        if (Remaining.Length < 2)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(Remaining);
        _position += 2;
        return true;
    }

    public bool TryReadU32(out uint value)
    {
        value = 0;
        if (Remaining.Length < 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(Remaining);
        _position += 4;
        return true;
    }

    public bool TryReadBytes(int length, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (length < 0 || Remaining.Length < length)
        {
            return false;
        }

        bytes = _payload.Slice(_position, length);
        _position += length;
        return true;
    }

    /// <summary>Reads a <c>u16</c> length then that many bytes.</summary>
    public bool TryReadU16Prefixed(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        int start = _position;
        if (TryReadU16(out ushort length) && TryReadBytes(length, out bytes))
        {
            return true;
        }

        _position = start;
        return false;
    }
}
