using System.Buffers;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Peering.Connections;

namespace Peerd.Lightning.Peers;

/// <summary>
/// BOLT 8 under the shared <see cref="FramedConnection"/>: received packets are decrypted by the incremental
/// <see cref="Bolt8FrameReader"/> (a length prefix is consumed as soon as its 18 bytes are there, so the connection
/// rents a buffer for exactly the body it announces), and messages are encrypted straight into the write buffer.
/// Owns the transport's cipher contexts and releases them with the connection.
/// </summary>
internal sealed class Bolt8FrameCodec(NoiseTransport transport) : IFrameCodec
{
    private readonly Bolt8FrameReader _frames = new(transport.Receiver);
    private readonly NoiseEncryptor _encryptor = transport.Sender;

    /// <inheritdoc />
    public OperationStatus Decode(
        in ReadOnlySequence<byte> input, Span<byte> message, out int messageLength, out SequencePosition consumed, out SequencePosition examined, out string? error)
    {
        var status = _frames.TryReadMessage(input, message, out messageLength, out consumed, out examined, out var frameError);
        error = status == OperationStatus.InvalidData ? frameError.ToString() : null;
        if (status == OperationStatus.Done)
        {
            LightningMetrics.Received(message[..messageLength]);
        }

        return status;
    }

    /// <inheritdoc />
    public int EncodedLength(int messageLength) => NoiseEncryptor.PacketLength(messageLength);

    /// <inheritdoc />
    public int Encode(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        LightningMetrics.Sent(message);
        return _encryptor.Encrypt(message, destination);
    }

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();
}
