using System.Buffers;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Lightning.Protocol.Framing;

/// <summary>
/// Reads BOLT #8 packets (<c>encrypted length (18) ‖ encrypted message (len + 16)</c>) from a byte stream, one message
/// per call, over input that may arrive in any fragmentation. Incremental: a length prefix is decrypted (and
/// consumed) as soon as its 18 bytes are there, and the reader remembers it until the body arrives. Does no I/O and
/// never allocates. Not thread-safe: it belongs to the connection's read loop.
/// </summary>
public sealed class Bolt8FrameReader
{
    private readonly NoiseDecryptor _decryptor;

    /// <summary>Reads packets decrypted by <paramref name="decryptor"/> (the transport's <see cref="NoiseTransport.Receiver"/>).</summary>
    public Bolt8FrameReader(NoiseDecryptor decryptor)
    {
        ArgumentNullException.ThrowIfNull(decryptor);
        _decryptor = decryptor;
    }

    /// <summary>
    /// Tries to read one message from <paramref name="input"/>, the unconsumed bytes of the stream.
    /// </summary>
    /// <param name="input">The buffered bytes, starting where the last call's <paramref name="consumed"/> ended.</param>
    /// <param name="message">Receives the plaintext; 65535 bytes always suffice.</param>
    /// <param name="messageLength">The length of the message (also set with <see cref="OperationStatus.DestinationTooSmall"/>).</param>
    /// <param name="consumed">Where the caller's buffer may be released up to.</param>
    /// <param name="examined">How far the input was looked at (pass both to <c>PipeReader.AdvanceTo</c>).</param>
    /// <param name="error">With <see cref="OperationStatus.InvalidData"/>, which MAC failed.</param>
    /// <returns>
    /// <see cref="OperationStatus.Done"/>: one message is in <paramref name="message"/>, <paramref name="consumed"/> is
    /// just after it.
    /// <see cref="OperationStatus.NeedMoreData"/>: nothing more can be done; <paramref name="consumed"/> may be past a
    /// length prefix that was decrypted (the reader keeps its length) and <paramref name="examined"/> is the end.
    /// <see cref="OperationStatus.DestinationTooSmall"/>: <paramref name="message"/> is shorter than the announced
    /// <paramref name="messageLength"/>; call again with a larger buffer.
    /// <see cref="OperationStatus.InvalidData"/>: a MAC failed (<paramref name="error"/>); the connection must be closed.
    /// </returns>
    public OperationStatus TryReadMessage(
        in ReadOnlySequence<byte> input,
        Span<byte> message,
        out int messageLength,
        out SequencePosition consumed,
        out SequencePosition examined,
        out FrameError error)
    {
        messageLength = 0;
        error = FrameError.None;
        var remaining = input;

        var pending = _decryptor.PendingMessageLength;
        if (pending < 0)
        {
            if (remaining.Length < Bolt8Constants.EncryptedLengthPrefixLength)
            {
                consumed = input.Start;
                examined = input.End;
                return OperationStatus.NeedMoreData;
            }

            var prefix = remaining.Slice(0, Bolt8Constants.EncryptedLengthPrefixLength);
            Span<byte> copy = stackalloc byte[Bolt8Constants.EncryptedLengthPrefixLength];
            var prefixSpan = prefix.FirstSpan.Length >= Bolt8Constants.EncryptedLengthPrefixLength
                ? prefix.FirstSpan[..Bolt8Constants.EncryptedLengthPrefixLength]
                : Gather(prefix, copy);
            if (!_decryptor.TryDecryptLength(prefixSpan, out pending))
            {
                error = FrameError.BadLengthMac;
                consumed = input.Start;
                examined = input.End;
                return OperationStatus.InvalidData;
            }

            remaining = remaining.Slice(prefix.End);
        }

        messageLength = pending;
        if (message.Length < pending)
        {
            consumed = examined = remaining.Start;
            return OperationStatus.DestinationTooSmall;
        }

        var packetBodyLength = pending + Bolt8Constants.MacLength;
        if (remaining.Length < packetBodyLength)
        {
            consumed = remaining.Start;
            examined = input.End;
            return OperationStatus.NeedMoreData;
        }

        var body = remaining.Slice(0, packetBodyLength);
        bool authentic;
        if (body.FirstSpan.Length >= packetBodyLength)
        {
            var span = body.FirstSpan[..packetBodyLength];
            authentic = _decryptor.TryDecryptMessage(span[..pending], span[pending..], message);
        }
        else
        {
            // The body spans segments: gather the ciphertext into the message buffer and decrypt it in place.
            Span<byte> tag = stackalloc byte[Bolt8Constants.MacLength];
            body.Slice(0, pending).CopyTo(message);
            body.Slice(pending).CopyTo(tag);
            authentic = _decryptor.TryDecryptMessage(message[..pending], tag, message);
        }

        if (!authentic)
        {
            error = FrameError.BadMessageMac;
            consumed = remaining.Start;
            examined = input.End;
            return OperationStatus.InvalidData;
        }

        consumed = examined = body.End;
        return OperationStatus.Done;
    }

    private static ReadOnlySpan<byte> Gather(in ReadOnlySequence<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return destination;
    }
}
