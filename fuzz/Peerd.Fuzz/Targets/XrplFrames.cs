using System.Buffers;
using Google.Protobuf;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// A stream of XRPL peer frames after the upgrade: the first byte's low bit says whether the link negotiated
/// compression; each header is read or refused with a <see cref="FrameError"/>, each uncompressed payload decodes or
/// is malformed/unknown.
/// </summary>
internal static class XrplFrames
{
    public static FuzzTarget Target { get; } = new("xrpl-frames", "selector byte (compression off / on) + frames", Seeds, Run);

    private static IEnumerable<byte[]> Seeds()
    {
        var frames = XrplMessages.Samples.Select(XrplFrameWriter.Encode).ToArray();
        return [.. frames.Select(f => (byte[])[0, .. f]), [0, .. frames.SelectMany(f => f)], [1, .. frames[0]], [1, .. XrplMessages.CompressedHeaderFrame()]];
    }

    private static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var compression = (input[0] & 1) == 1;
        var stream = input[1..];
        var sequence = Segments.Split(stream, stream.Length / 2);
        while (true)
        {
            var status = XrplFrameReader.TryReadFrame(sequence, compression, out var frame, out var consumed, out _, out var error);
            if (status == OperationStatus.InvalidData)
            {
                FuzzInvariantException.Check(error != FrameError.None, "InvalidData without a FrameError");
                return;
            }

            if (status != OperationStatus.Done)
            {
                return;
            }

            FuzzInvariantException.Check(frame.Header.TotalLength == sequence.Slice(0, consumed).Length, "a frame's length is not what was consumed");
            if (!frame.Header.IsCompressed)
            {
                var decoded = XrplMessageDecoder.TryDecode(frame.Header.Type, frame.Payload, out var message);
                FuzzInvariantException.Check(decoded == MessageDecodeStatus.Decoded == message is IMessage, "a decoded status without a message");
            }

            sequence = sequence.Slice(consumed);
        }
    }
}
