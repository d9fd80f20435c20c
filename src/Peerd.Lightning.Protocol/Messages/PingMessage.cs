using System.Buffers.Binary;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// BOLT #1 <c>ping</c> (type 18): <c>[u16:num_pong_bytes] [u16:byteslen] [byteslen*byte:ignored]</c>. The
/// <c>ignored</c> bytes are written as zeros ("SHOULD set <c>ignored</c> to 0s") and not kept when decoding.
/// </summary>
public sealed class PingMessage : ILightningMessage
{
    /// <summary>
    /// "if <c>num_pong_bytes</c> is less than 65532: MUST respond by sending a <c>pong</c> message ...
    /// otherwise (<c>num_pong_bytes</c> is not less than 65532): MUST ignore the <c>ping</c>." 65532 = 65535 - 2 - 2 + 1:
    /// the largest pong body that fits a message is 65531.
    /// </summary>
    public const ushort NoReplyThreshold = 65532;

    /// <summary>The longest <c>ignored</c> that fits a message: 65535 - 2 (type) - 2 - 2 = 65529.</summary>
    public const int MaxBytesLength = LightningMessage.MaxLength - LightningMessage.TypeLength - 2 - 2;

    /// <summary>Creates a ping asking for <paramref name="numPongBytes"/> and padded with <paramref name="bytesLength"/> zeros.</summary>
    public PingMessage(ushort numPongBytes, ushort bytesLength = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytesLength, MaxBytesLength);
        NumPongBytes = numPongBytes;
        BytesLength = bytesLength;
    }

    /// <inheritdoc />
    public MessageType Type => MessageType.Ping;

    /// <summary>How many bytes the pong must carry.</summary>
    public ushort NumPongBytes { get; }

    /// <summary>The length of the <c>ignored</c> padding.</summary>
    public ushort BytesLength { get; }

    /// <summary>False when <see cref="NumPongBytes"/> is 65532 or more: the receiver must not reply.</summary>
    public bool RequiresPong => NumPongBytes < NoReplyThreshold;

    /// <inheritdoc />
    public int EncodedLength => LightningMessage.TypeLength + 2 + 2 + BytesLength;

    /// <summary>
    /// Decodes a whole <c>ping</c> (type included); never throws. A <c>byteslen</c> longer than the rest of the message
    /// is a truncated message; bytes after <c>ignored</c> are an ignorable extension.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PingMessage? ping, out DecodeFailure failure)
    {
        ping = null;
        if (!LightningMessage.TryBeginRead(message, MessageType.Ping, out var reader, out failure))
        {
            return false;
        }

        if (!reader.TryReadU16(out ushort numPongBytes))
        {
            failure = DecodeFailure.Truncated(MessageType.Ping, "num_pong_bytes");
            return false;
        }

        if (!reader.TryReadU16Prefixed(out var ignored))
        {
            failure = DecodeFailure.Truncated(MessageType.Ping, "ignored");
            return false;
        }

        ping = new PingMessage(numPongBytes, (ushort)ignored.Length);
        return true;
    }

    /// <summary>The reply this ping asks for, or null when <see cref="RequiresPong"/> is false.</summary>
    public PongMessage? CreatePong() => RequiresPong ? new PongMessage(NumPongBytes) : null;

    /// <inheritdoc />
    public int WriteTo(Span<byte> destination)
    {
        int length = EncodedLength;
        int offset = LightningMessage.BeginWrite(destination, Type, length);
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], NumPongBytes);
        BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], BytesLength);
        destination.Slice(offset + 4, BytesLength).Clear();
        return length;
    }

    /// <summary>A log line.</summary>
    public override string ToString() => $"ping num_pong_bytes={NumPongBytes} byteslen={BytesLength}";
}
