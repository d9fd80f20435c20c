using System.Buffers;
using System.Buffers.Binary;
using Peerd.Peering.Connections;

namespace Peerd.Peering.Tests.Support;

/// <summary>
/// The simplest framing there is (a 2-byte big-endian length, then the message; length 0xFFFF is invalid): the shared
/// layer is network-agnostic, so its tests use a codec whose wire bytes a test can write by hand.
/// </summary>
internal sealed class LengthPrefixCodec : IFrameCodec
{
    public bool Disposed { get; private set; }

    public int ShutdownCalls { get; private set; }

    public static byte[] Frame(params byte[] message)
    {
        var frame = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
        message.CopyTo(frame, 2);
        return frame;
    }

    public OperationStatus Decode(in ReadOnlySequence<byte> input, Span<byte> message, out int messageLength, out SequencePosition consumed, out SequencePosition examined, out string? error)
    {
        error = null;
        messageLength = 0;
        consumed = input.Start;
        examined = input.End;
        if (input.Length < 2)
        {
            return OperationStatus.NeedMoreData;
        }

        Span<byte> prefix = stackalloc byte[2];
        input.Slice(0, 2).CopyTo(prefix);
        messageLength = BinaryPrimitives.ReadUInt16BigEndian(prefix);
        if (messageLength == ushort.MaxValue)
        {
            error = "length 65535";
            return OperationStatus.InvalidData;
        }

        if (message.Length < messageLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        if (input.Length < 2 + messageLength)
        {
            return OperationStatus.NeedMoreData;
        }

        input.Slice(2, messageLength).CopyTo(message);
        consumed = input.GetPosition(2 + messageLength);
        examined = consumed;
        return OperationStatus.Done;
    }

    public int EncodedLength(int messageLength) => messageLength + 2;

    public int Encode(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)message.Length);
        message.CopyTo(destination[2..]);
        return message.Length + 2;
    }

    public ValueTask ShutdownAsync(Stream stream, CancellationToken cancellationToken)
    {
        ShutdownCalls++;
        return ValueTask.CompletedTask;
    }

    public void Dispose() => Disposed = true;
}
