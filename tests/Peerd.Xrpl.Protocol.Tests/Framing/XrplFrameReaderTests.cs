using System.Buffers;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Protocol.Tests.Support;

namespace Peerd.Xrpl.Protocol.Tests.Framing;

public class XrplFrameReaderTests
{
    private static readonly byte[] PingFrame = XrplFrameWriter.Encode(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 0x01020304, PingTime = 77 });

    [Fact]
    public void WriterProducesASixByteBigEndianHeader()
    {
        var payloadLength = PingFrame.Length - 6;
        Assert.Equal($"{payloadLength:x8}0003", Hex.Encode(PingFrame.AsSpan(0, 6)));
    }

    [Fact]
    public void ReadsAFrameUnderEveryFragmentation()
    {
        foreach (var (name, sequence) in Fragmentation.All(PingFrame))
        {
            var status = XrplFrameReader.TryReadFrame(sequence, false, out var frame, out var consumed, out _, out var error);
            Assert.True(status == OperationStatus.Done, name);
            Assert.Equal(FrameError.None, error);
            Assert.Equal(XrplMessageType.Ping, frame.Header.Type);
            Assert.Equal(PingFrame.Length - 6, frame.Header.PayloadLength);
            Assert.Equal(sequence.End, consumed);
            Assert.Equal(PingFrame[6..], frame.Payload.ToArray());
        }
    }

    [Fact]
    public void EveryStrictPrefixNeedsMoreDataAndConsumesNothing()
    {
        for (var length = 0; length < PingFrame.Length; length++)
        {
            foreach (var (name, sequence) in Fragmentation.All(PingFrame[..length]))
            {
                var status = XrplFrameReader.TryReadFrame(sequence, false, out _, out var consumed, out var examined, out _);
                Assert.True(status == OperationStatus.NeedMoreData, $"{length} {name}");
                Assert.Equal(sequence.Start, consumed);
                Assert.Equal(sequence.End, examined);
            }
        }
    }

    [Fact]
    public void ReadsBackToBackFramesOneAtATime()
    {
        var second = XrplFrameWriter.Encode(new TMEndpoints { Version = 2 });
        var buffer = new ReadOnlySequence<byte>([.. PingFrame, .. second, 0x00]);
        Assert.Equal(OperationStatus.Done, XrplFrameReader.TryReadFrame(buffer, false, out var first, out var consumed, out _, out _));
        Assert.Equal(XrplMessageType.Ping, first.Header.Type);
        buffer = buffer.Slice(consumed);
        Assert.Equal(OperationStatus.Done, XrplFrameReader.TryReadFrame(buffer, false, out var next, out consumed, out _, out _));
        Assert.Equal(XrplMessageType.Endpoints, next.Header.Type);
        Assert.Equal(OperationStatus.NeedMoreData, XrplFrameReader.TryReadFrame(buffer.Slice(consumed), false, out _, out _, out _, out _));
    }

    [Fact]
    public void AnEmptyPayloadOfAnUnknownTypeIsAFrame()
    {
        var frame = XrplFrameWriter.Encode((XrplMessageType)999, ReadOnlySpan<byte>.Empty);
        Assert.Equal(OperationStatus.Done, XrplFrameReader.TryReadFrame(new ReadOnlySequence<byte>(frame), false, out var read, out _, out _, out _));
        Assert.Equal((XrplMessageType)999, read.Header.Type);
        Assert.Equal(0, read.Header.PayloadLength);
    }

    [Theory]
    [InlineData(0x04)]
    [InlineData(0x10)]
    [InlineData(0x40)]
    [InlineData(0x7F)]
    public void AFirstByteWithHighBitsButNoCompressionFlagIsRefusedAtOnce(byte first)
    {
        var status = XrplFrameReader.TryReadFrame(new ReadOnlySequence<byte>([first]), false, out _, out _, out _, out var error);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(FrameError.UnknownHeaderMarker, error);
    }

    [Theory]
    [InlineData(0x90)]
    [InlineData(0x93)]
    public void ACompressedHeaderIsRefusedUnlessNegotiated(byte first)
    {
        var status = XrplFrameReader.TryReadFrame(new ReadOnlySequence<byte>([first]), false, out _, out _, out _, out var error);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(FrameError.CompressionNotNegotiated, error);
    }

    [Theory]
    [InlineData(0x80)] // algorithm nibble 0x8: not LZ4
    [InlineData(0xA0)]
    [InlineData(0xF0)]
    [InlineData(0x94)] // reserved bit set
    [InlineData(0x98)]
    public void ACompressedHeaderWithAnotherAlgorithmOrReservedBitsIsInvalid(byte first)
    {
        var status = XrplFrameReader.TryReadFrame(new ReadOnlySequence<byte>([first, 0, 0, 0]), true, out _, out _, out _, out var error);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(FrameError.InvalidCompressedHeader, error);
    }

    [Fact]
    public void ANegotiatedCompressedHeaderHasTenBytes()
    {
        byte[] header = [0x90, 0x00, 0x00, 0x05, 0x00, 0x03, 0x00, 0x00, 0x00, 0x09];
        for (var length = 1; length < header.Length; length++)
        {
            Assert.Equal(OperationStatus.NeedMoreData, XrplFrameReader.TryReadHeader(new ReadOnlySequence<byte>(header[..length]), true, out _, out _));
        }

        Assert.Equal(OperationStatus.Done, XrplFrameReader.TryReadHeader(new ReadOnlySequence<byte>(header), true, out var parsed, out _));
        Assert.Equal(new XrplFrameHeader(10, 5, XrplMessageType.Ping, true, 9), parsed);
    }

    [Fact]
    public void ACompressedFrameLargerThanTheLimitIsRefused()
    {
        // The wire size fits 26 bits, so only the uncompressed size (0x04000001 > 64 MiB) can exceed the limit.
        byte[] big = [0x90, 0x00, 0x00, 0x01, 0x00, 0x03, 0x04, 0x00, 0x00, 0x01];
        Assert.Equal(OperationStatus.InvalidData, XrplFrameReader.TryReadHeader(new ReadOnlySequence<byte>(big), true, out _, out var error));
        Assert.Equal(FrameError.MessageTooLarge, error);
    }

    [Fact]
    public void TheLargestUncompressedLengthIsBelowTheLimitAndWaitsForItsPayload()
    {
        byte[] header = [0x03, 0xFF, 0xFF, 0xFF, 0x00, 0x03];
        Assert.Equal(64 * 1024 * 1024, XrplFraming.MaximumMessageSize);
        Assert.Equal(OperationStatus.Done, XrplFrameReader.TryReadHeader(new ReadOnlySequence<byte>(header), false, out var parsed, out _));
        Assert.Equal(XrplFraming.MaximumMessageSize - 1, parsed.PayloadLength);
        Assert.Equal(OperationStatus.NeedMoreData, XrplFrameReader.TryReadFrame(new ReadOnlySequence<byte>(header), false, out _, out _, out _, out _));
    }
}
