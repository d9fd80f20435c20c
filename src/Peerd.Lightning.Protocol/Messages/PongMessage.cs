using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// BOLT #1 <c>pong</c> (type 19): <c>[u16:byteslen] [byteslen*byte:ignored]</c>; in reply to a ping,
/// <c>byteslen</c> equals its <c>num_pong_bytes</c> and the body is that many zero bytes.
/// </summary>
public sealed class PongMessage : ILightningMessage
{
    /// <summary>The longest body: 65535 - 2 (type) - 2 = 65531.</summary>
    public const int MaxBytesLength = LightningMessage.MaxLength - LightningMessage.TypeLength - 2;

    /// <summary>Creates a pong of <paramref name="bytesLength"/> zero bytes.</summary>
    public PongMessage(ushort bytesLength)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytesLength, MaxBytesLength);
        BytesLength = bytesLength;
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.Pong;

    /// <summary>The length of the <c>ignored</c> body; matched against the outstanding ping's <c>num_pong_bytes</c>.</summary>
    public ushort BytesLength { get; }

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + 2 + BytesLength;

    /// <summary>Decodes a whole <c>pong</c> (type included); never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PongMessage? pong, out DecodeFailure failure)
    {
        pong = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.Pong, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadU16Prefixed(out var ignored))
        {
            failure = DecodeFailure.Truncated(MessageType.Pong, "ignored");
            return false;
        }

        pong = new PongMessage((ushort)ignored.Length);
        return true;
    }

    /// <summary>True when this pong answers a ping that asked for <paramref name="numPongBytes"/>.</summary>
    public bool Answers(ushort numPongBytes) => BytesLength == numPongBytes;

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], BytesLength);
        destination.Slice(offset + 2, BytesLength).Clear();
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => $"pong byteslen={BytesLength}";
}
