using System.Buffers;
using System.Buffers.Binary;
using System.Net.Security;
using Peerd.Peering.Connections;
using Peerd.Xrpl.Metrics;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// XRPL framing under the shared <see cref="FramedConnection"/>, over the TLS stream: a received frame is handed on as
/// its message type (2 bytes, big-endian) followed by its payload (<see cref="TypeOf"/> and <see cref="PayloadOf"/> read them back); queued
/// messages are whole frames already (<see cref="XrplFrameWriter"/>), so encoding is a copy. At a clean close the
/// codec sends TLS <c>close_notify</c>. Compression is never negotiated, so a compressed frame is a framing error.
/// </summary>
internal sealed class XrplFrameCodec : IFrameCodec
{
    /// <summary>Bytes in front of the payload in a decoded message: the type.</summary>
    public const int TypeBytes = 2;

    /// <summary>A decoded message's type.</summary>
    public static XrplMessageType TypeOf(ReadOnlySpan<byte> message) => (XrplMessageType)BinaryPrimitives.ReadUInt16BigEndian(message);

    /// <summary>A decoded message's payload.</summary>
    public static ReadOnlySpan<byte> PayloadOf(ReadOnlySpan<byte> message) => message[TypeBytes..];

    /// <inheritdoc />
    public OperationStatus Decode(
        in ReadOnlySequence<byte> input, Span<byte> message, out int messageLength, out SequencePosition consumed, out SequencePosition examined, out string? error)
    {
        messageLength = 0;
        error = null;
        consumed = input.Start;
        examined = input.End;
        var status = XrplFrameReader.TryReadHeader(input, compressionEnabled: false, out var header, out var frameError);
        if (status == OperationStatus.InvalidData)
        {
            error = frameError.ToString();
            return status;
        }

        if (status != OperationStatus.Done)
        {
            return OperationStatus.NeedMoreData;
        }

        messageLength = TypeBytes + header.PayloadLength;
        if (message.Length < messageLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        if (input.Length < header.TotalLength)
        {
            return OperationStatus.NeedMoreData;
        }

        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)header.Type);
        input.Slice(header.HeaderLength, header.PayloadLength).CopyTo(message[TypeBytes..]);
        consumed = input.GetPosition(header.TotalLength);
        examined = consumed;
        XrplMetrics.Received((int)header.Type, header.TotalLength);
        return OperationStatus.Done;
    }

    /// <inheritdoc />
    public int EncodedLength(int messageLength) => messageLength;

    /// <inheritdoc />
    public int Encode(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        XrplMetrics.Sent(message);
        message.CopyTo(destination);
        return message.Length;
    }

    /// <inheritdoc />
    public async ValueTask ShutdownAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream is SslStream tls)
        {
            await tls.ShutdownAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
