using System.Buffers;
using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>BOLT #1 message framing constants and encoding helpers shared by every message.</summary>
public static class LightningMessage
{
    /// <summary>The u16 type that starts every message.</summary>
    public const int TypeLength = 2;

    /// <summary>
    /// "The size of the message is required by the transport layer to fit into a 2-byte unsigned int; therefore,
    /// the maximum possible size is 65535 bytes."
    /// </summary>
    public const int MaxLength = ushort.MaxValue;

    /// <summary>Appends <paramref name="message"/> to <paramref name="output"/> with no intermediate buffer.</summary>
    public static void WriteTo(this ILightningMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        int length = message.EncodedLength;
        int written = message.WriteTo(output.GetSpan(length));
        output.Advance(written);
    }

    /// <summary>Encodes <paramref name="message"/> into a new array.</summary>
    public static byte[] ToArray(this ILightningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = new byte[message.EncodedLength];
        message.WriteTo(bytes);
        return bytes;
    }

    /// <summary>Reads the u16 type at the start of a message; false when fewer than 2 bytes.</summary>
    public static bool TryReadType(ReadOnlySpan<byte> message, out ushort type)
    {
        if (message.Length < TypeLength)
        {
            type = 0;
            return false;
        }

        type = BinaryPrimitives.ReadUInt16BigEndian(message);
        return true;
    }

    /// <summary>Checks the destination and writes the type; returns the offset of the payload.</summary>
    internal static int BeginWrite(Span<byte> destination, MessageType type, int encodedLength)
    {
        if (destination.Length < encodedLength)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; the {type} message needs {encodedLength}", nameof(destination));
        }

        if (encodedLength > MaxLength)
        {
            throw new InvalidOperationException($"the {type} message is {encodedLength} bytes, over the {MaxLength}-byte limit");
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)type);
        return TypeLength;
    }

    /// <summary>Starts decoding: checks the type and returns a reader over the payload.</summary>
    internal static bool TryBeginRead(ReadOnlySpan<byte> message, MessageType expected, out PayloadReader reader, out DecodeFailure failure)
    {
        reader = default;
        if (!TryReadType(message, out ushort type))
        {
            failure = DecodeFailure.Truncated(expected, "type");
            return false;
        }

        if (type != (ushort)expected)
        {
            failure = new DecodeFailure(DecodeFailureKind.WrongType, $"expected type {(ushort)expected} ({expected}), got {type}");
            return false;
        }

        reader = new PayloadReader(message[TypeLength..]);
        failure = default;
        return true;
    }
}
