using System.Buffers;
using System.Buffers.Binary;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Protocol.Framing;

/// <summary>A complete frame: its header and a slice of the input holding the payload (valid until the input is advanced).</summary>
/// <param name="Header">The parsed header.</param>
/// <param name="Payload">The payload bytes (compressed when <see cref="XrplFrameHeader.IsCompressed"/>).</param>
public readonly record struct XrplFrame(XrplFrameHeader Header, ReadOnlySequence<byte> Payload);

/// <summary>
/// Incremental frame reader (rippled <c>parseMessageHeader</c> + <c>invokeProtocolMessage</c>'s size checks): call it
/// with everything buffered so far. It returns <see cref="OperationStatus.NeedMoreData"/> and consumes nothing until a
/// whole frame is present, <see cref="OperationStatus.Done"/> with one frame, or
/// <see cref="OperationStatus.InvalidData"/> with a <see cref="FrameError"/> — as soon as the first byte or header
/// shows the stream is bad, without waiting for the payload.
/// </summary>
public static class XrplFrameReader
{
    /// <summary>Parses a header at the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Received bytes.</param>
    /// <param name="compressionEnabled">True only if this link negotiated <c>compr=lz4</c>.</param>
    /// <param name="header">The header, when <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">The reason, when <see cref="OperationStatus.InvalidData"/>.</param>
    public static OperationStatus TryReadHeader(in ReadOnlySequence<byte> buffer, bool compressionEnabled, out XrplFrameHeader header, out FrameError error)
    {
        header = default;
        error = FrameError.None;
        if (buffer.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        // A sequence may start with an empty segment: take the first byte wherever it is.
        var first = buffer.FirstSpan.IsEmpty ? FirstByte(buffer) : buffer.FirstSpan[0];
        if ((first & XrplFraming.CompressedFlag) != 0)
        {
            // "4 bits are the compression algorithm, 1st bit is always set to 1; 2 bits are always set to 0".
            if ((first & XrplFraming.CompressedReservedBits) != 0 || (first & 0xF0) != XrplFraming.Lz4Algorithm)
            {
                error = FrameError.InvalidCompressedHeader;
                return OperationStatus.InvalidData;
            }

            // "We requested uncompressed messages from the peer but received compressed."
            if (!compressionEnabled)
            {
                error = FrameError.CompressionNotNegotiated;
                return OperationStatus.InvalidData;
            }

            if (buffer.Length < XrplFraming.CompressedHeaderLength)
            {
                return OperationStatus.NeedMoreData;
            }

            Span<byte> bytes = stackalloc byte[XrplFraming.CompressedHeaderLength];
            buffer.Slice(0, XrplFraming.CompressedHeaderLength).CopyTo(bytes);
            var wire = BinaryPrimitives.ReadUInt32BigEndian(bytes) & XrplFraming.CompressedLengthMask;
            var type = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
            var uncompressed = BinaryPrimitives.ReadUInt32BigEndian(bytes[6..]);
            if (wire > XrplFraming.MaximumMessageSize || uncompressed > XrplFraming.MaximumMessageSize)
            {
                error = FrameError.MessageTooLarge;
                return OperationStatus.InvalidData;
            }

            header = new XrplFrameHeader(XrplFraming.CompressedHeaderLength, (int)wire, (XrplMessageType)type, true, (int)uncompressed);
            return OperationStatus.Done;
        }

        // "6 bits are set to 0, 26 bits are the payload size".
        if ((first & XrplFraming.UncompressedMarkerMask) != 0)
        {
            error = FrameError.UnknownHeaderMarker;
            return OperationStatus.InvalidData;
        }

        if (buffer.Length < XrplFraming.UncompressedHeaderLength)
        {
            return OperationStatus.NeedMoreData;
        }

        Span<byte> raw = stackalloc byte[XrplFraming.UncompressedHeaderLength];
        buffer.Slice(0, XrplFraming.UncompressedHeaderLength).CopyTo(raw);
        var length = BinaryPrimitives.ReadUInt32BigEndian(raw) & XrplFraming.UncompressedLengthMask;
        var messageType = BinaryPrimitives.ReadUInt16BigEndian(raw[4..]);
        if (length > XrplFraming.MaximumMessageSize)
        {
            error = FrameError.MessageTooLarge;
            return OperationStatus.InvalidData;
        }

        header = new XrplFrameHeader(XrplFraming.UncompressedHeaderLength, (int)length, (XrplMessageType)messageType, false, (int)length);
        return OperationStatus.Done;
    }

    private static byte FirstByte(in ReadOnlySequence<byte> buffer)
    {
        Span<byte> one = stackalloc byte[1];
        buffer.Slice(0, 1).CopyTo(one);
        return one[0];
    }

    /// <summary>Reads one whole frame from the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Received bytes.</param>
    /// <param name="compressionEnabled">True only if this link negotiated <c>compr=lz4</c>.</param>
    /// <param name="frame">The frame, when <see cref="OperationStatus.Done"/>.</param>
    /// <param name="consumed">End of the frame when done; otherwise the start of the buffer.</param>
    /// <param name="examined">Where the reader looked up to: pass it to <c>PipeReader.AdvanceTo</c>.</param>
    /// <param name="error">The reason, when <see cref="OperationStatus.InvalidData"/>.</param>
    public static OperationStatus TryReadFrame(
        in ReadOnlySequence<byte> buffer,
        bool compressionEnabled,
        out XrplFrame frame,
        out SequencePosition consumed,
        out SequencePosition examined,
        out FrameError error)
    {
        frame = default;
        consumed = buffer.Start;
        examined = buffer.End;
        var status = TryReadHeader(buffer, compressionEnabled, out var header, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        if (buffer.Length < header.TotalLength)
        {
            return OperationStatus.NeedMoreData;
        }

        var whole = buffer.Slice(0, header.TotalLength);
        frame = new XrplFrame(header, whole.Slice(header.HeaderLength));
        consumed = whole.End;
        examined = consumed;
        return OperationStatus.Done;
    }
}
