using System.Buffers.Binary;
using Google.Protobuf;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Protocol.Framing;

/// <summary>Builds uncompressed frames (rippled <c>Message::setHeader</c>); we never send compressed frames.</summary>
public static class XrplFrameWriter
{
    /// <summary>Writes a 6-byte uncompressed header.</summary>
    public static void WriteHeader(Span<byte> destination, int payloadLength, XrplMessageType type)
    {
        if ((uint)payloadLength > XrplFraming.UncompressedLengthMask)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength), "payload does not fit a 26-bit length");
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)payloadLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)type);
    }

    /// <summary>Serialises a message as a complete frame, header included.</summary>
    public static byte[] Encode(IMessage message) => Encode(XrplMessageDecoder.TypeOf(message), message);

    /// <summary>Serialises a message under an explicit type (tests use it to send mismatched frames).</summary>
    public static byte[] Encode(XrplMessageType type, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        var frame = new byte[XrplFraming.UncompressedHeaderLength + size];
        WriteHeader(frame, size, type);
        message.WriteTo(frame.AsSpan(XrplFraming.UncompressedHeaderLength));
        return frame;
    }

    /// <summary>Wraps raw payload bytes in a frame.</summary>
    public static byte[] Encode(XrplMessageType type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[XrplFraming.UncompressedHeaderLength + payload.Length];
        WriteHeader(frame, payload.Length, type);
        payload.CopyTo(frame.AsSpan(XrplFraming.UncompressedHeaderLength));
        return frame;
    }
}
