using System.Buffers;
using Google.Protobuf;
using Peerd.TestKit;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Protocol.Tests.Messages;

public class XrplMessageDecoderTests
{
    [Fact]
    public void MessageTypeNumbersAreRippledsProtoNumbers()
    {
        foreach (var value in Enum.GetValues<MessageType>())
        {
            var ours = (XrplMessageType)(ushort)(int)value;
            Assert.True(Enum.IsDefined(ours), value.ToString());
            Assert.NotNull(XrplMessageDecoder.ParserFor(ours));
        }

        Assert.Equal(Enum.GetValues<MessageType>().Length, Enum.GetValues<XrplMessageType>().Length);
        Assert.Equal(3, (int)XrplMessageType.Ping);
        Assert.Equal(15, (int)XrplMessageType.Endpoints);
        Assert.Equal(34, (int)XrplMessageType.StatusChange);
    }

    [Fact]
    public void DecodesAPingWithItsSequence()
    {
        var ping = new TMPing { Type = TMPing.Types.pingType.PtPong, Seq = 42, NetTime = 5 };
        var status = XrplMessageDecoder.TryDecode(XrplMessageType.Ping, new ReadOnlySequence<byte>(ping.ToByteArray()), out var message);
        Assert.Equal(MessageDecodeStatus.Decoded, status);
        Assert.Equal(ping, message);
    }

    [Fact]
    public void AMissingRequiredFieldIsMalformed()
    {
        // TMPing.type is required; an empty payload lacks it (rippled's ParseFromZeroCopyStream fails too).
        Assert.Equal(MessageDecodeStatus.Malformed, XrplMessageDecoder.TryDecode(XrplMessageType.Ping, ReadOnlySequence<byte>.Empty, out _));
        var endpoint = new TMEndpoints { Version = 2 };
        endpoint.EndpointsV2.Add(new TMEndpoints.Types.TMEndpointv2 { Endpoint = "1.2.3.4:51235" });
        Assert.Equal(MessageDecodeStatus.Malformed, XrplMessageDecoder.TryDecode(XrplMessageType.Endpoints, new ReadOnlySequence<byte>(endpoint.ToByteArray()), out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x08 })]             // truncated varint
    [InlineData(new byte[] { 0x0A, 0x05, 0x01 })] // length-delimited field longer than the payload
    [InlineData(new byte[] { 0x07 })]             // invalid wire type
    public void GarbageIsMalformed(byte[] payload)
    {
        Assert.Equal(MessageDecodeStatus.Malformed, XrplMessageDecoder.TryDecode(XrplMessageType.Ping, new ReadOnlySequence<byte>(payload), out var message));
        Assert.Null(message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(999)]
    [InlineData(65535)]
    public void AnUnknownTypeIsReportedNotParsed(int type)
    {
        Assert.Equal(MessageDecodeStatus.UnknownType, XrplMessageDecoder.TryDecode((XrplMessageType)type, new ReadOnlySequence<byte>([0xFF]), out _));
    }

    [Fact]
    public void TypeOfNamesEveryMessageTheDecoderKnows()
    {
        foreach (var type in Enum.GetValues<XrplMessageType>())
        {
            var parser = XrplMessageDecoder.ParserFor(type)!;
            var instance = parser.ParseFrom(ReadOnlySequence<byte>.Empty);
            Assert.Equal(type, XrplMessageDecoder.TypeOf(instance));
        }
    }

    [Theory]
    [InlineData("0802187b9500010000220afeffffff071010101010101010101010101010101010101015151515151515151515150808181818181818")]
    [InlineData("0802187b95189cd802220afeffffff5710970000800022082a1880950840000000")]
    public void ANestedLengthNearInt32MaxIsMalformedNotAnException(string hex)
    {
        // Found by coverage-guided fuzzing (fuzz/regressions/xrpl-messages): a TMCluster node whose length prefix is
        // 0x7ffffffe overflows Google.Protobuf's limit arithmetic, which then indexes past its buffer.
        var payload = Convert.FromHexString(hex);
        foreach (var sequence in new[] { new ReadOnlySequence<byte>(payload), Fragmentation.Sequence(payload.AsMemory(0, payload.Length / 2), payload.AsMemory(payload.Length / 2)) })
        {
            Assert.Equal(MessageDecodeStatus.Malformed, XrplMessageDecoder.TryDecode(XrplMessageType.Cluster, sequence, out var message));
            Assert.Null(message);
        }
    }
}
