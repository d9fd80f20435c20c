using System.Buffers;

namespace Peerd.Peering.Connections;

/// <summary>
/// One network's wire format under a <see cref="FramedConnection"/>: how received bytes become messages and how a
/// message becomes bytes to send (Lightning: BOLT 8 decryption and framing; XRPL: the frame header over TLS). A codec
/// belongs to one connection; its read side is called only by the read loop and its write side only by the write
/// loop, so it needs no locks.
/// </summary>
public interface IFrameCodec : IDisposable
{
    /// <summary>
    /// Reads one message from <paramref name="input"/> (the unconsumed bytes) into <paramref name="message"/>.
    /// </summary>
    /// <returns>
    /// <see cref="OperationStatus.Done"/>: <paramref name="messageLength"/> bytes of <paramref name="message"/> hold it.
    /// <see cref="OperationStatus.DestinationTooSmall"/>: <paramref name="messageLength"/> is the room needed; call
    /// again with a larger buffer (<paramref name="consumed"/> may already be past a header the codec remembers).
    /// <see cref="OperationStatus.NeedMoreData"/>: wait for more bytes.
    /// <see cref="OperationStatus.InvalidData"/>: the peer broke the framing (<paramref name="error"/> says how).
    /// </returns>
    OperationStatus Decode(
        in ReadOnlySequence<byte> input,
        Span<byte> message,
        out int messageLength,
        out SequencePosition consumed,
        out SequencePosition examined,
        out string? error);

    /// <summary>Bytes that <see cref="Encode"/> writes for a message of <paramref name="messageLength"/> bytes.</summary>
    int EncodedLength(int messageLength);

    /// <summary>Writes <paramref name="message"/> as wire bytes into <paramref name="destination"/>; returns their count.</summary>
    int Encode(ReadOnlySpan<byte> message, Span<byte> destination);

    /// <summary>
    /// Ends the stream politely once the last write has completed (TLS <c>close_notify</c>); the connection bounds it
    /// with its close grace. Nothing by default.
    /// </summary>
    ValueTask ShutdownAsync(Stream stream, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
