using System.Buffers;
using Peerd.TestKit;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Tests.Overlay;

/// <summary>The XRPL framing as the shared connection drives it: every split of the input, the rented-buffer protocol, errors.</summary>
public class XrplFrameCodecTests
{
    private static readonly byte[] Frame = XrplFrameWriter.Encode(new TMPing { Type = TMPing.Types.pingType.PtPing, Seq = 77 });

    [Fact]
    public void AFrameIsHandedOnAsItsTypeAndPayloadWhateverTheSplit()
    {
        using var codec = new XrplFrameCodec();
        var message = new byte[4096];
        Fragmentation.ForEach(Frame, input =>
        {
            Assert.Equal(OperationStatus.Done, codec.Decode(input, message, out var length, out var consumed, out _, out _));
            Assert.Equal(input.End, consumed);
            Assert.Equal(XrplMessageType.Ping, XrplFrameCodec.TypeOf(message.AsSpan(0, length)));
            Assert.Equal(MessageDecodeStatus.Decoded, XrplMessageDecoder.TryDecode(XrplMessageType.Ping, XrplFrameCodec.PayloadOf(message.AsSpan(0, length)), out var ping));
            Assert.Equal(77u, ((TMPing)ping!).Seq);
        });
    }

    [Fact]
    public void EveryPrefixAsksForMoreAndConsumesNothing()
    {
        using var codec = new XrplFrameCodec();
        var message = new byte[4096];
        for (var i = 0; i < Frame.Length; i++)
        {
            var input = new ReadOnlySequence<byte>(Frame, 0, i);
            Assert.Equal(OperationStatus.NeedMoreData, codec.Decode(input, message, out _, out var consumed, out _, out _));
            Assert.Equal(input.Start, consumed);
        }
    }

    [Fact]
    public void ATooSmallBufferGetsTheLengthToRent()
    {
        using var codec = new XrplFrameCodec();
        var input = new ReadOnlySequence<byte>(Frame);
        Assert.Equal(OperationStatus.DestinationTooSmall, codec.Decode(input, default, out var length, out var consumed, out _, out _));
        Assert.Equal(Frame.Length - 6 + XrplFrameCodec.TypeBytes, length);
        Assert.Equal(input.Start, consumed);
    }

    [Fact]
    public void ACompressedFrameIsAFramingError()
    {
        using var codec = new XrplFrameCodec();
        var compressed = (byte[])Frame.Clone();
        compressed[0] |= 0x10;
        Assert.Equal(OperationStatus.InvalidData, codec.Decode(new ReadOnlySequence<byte>(compressed), new byte[4096], out _, out _, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void QueuedFramesAreWrittenAsTheyAre()
    {
        using var codec = new XrplFrameCodec();
        var destination = new byte[codec.EncodedLength(Frame.Length)];
        Assert.Equal(Frame.Length, codec.Encode(Frame, destination));
        Assert.Equal(Frame, destination);
    }
}
