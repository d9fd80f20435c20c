using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class LightningMessageDecoderTests
{
    [Theory]
    [InlineData("001000000000", typeof(InitMessage))]
    [InlineData("00120000" + "0000", typeof(PingMessage))]
    [InlineData("00130000", typeof(PongMessage))]
    public void KnownMessagesAreDecoded(string hex, Type expected)
    {
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        Assert.Equal(DecodeOutcome.Decoded, decoded.Outcome);
        Assert.IsType(expected, decoded.Message);
        Assert.False(decoded.ShouldClose);
        Assert.Null(decoded.Reason);
    }

    [Theory]
    [InlineData("0007" + "0000")] // peer_storage, which Core Lightning sends right after init
    [InlineData("0009" + "0000")] // peer_storage_retrieval
    [InlineData("0100" + "00")] // channel_announcement
    [InlineData("0102" + "00")] // channel_update
    [InlineData("0107")] // query_channel_range
    public void RecognisedButUnhandledTypesAreIgnored(string hex)
    {
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        Assert.Equal(DecodeOutcome.Ignored, decoded.Outcome);
        Assert.False(decoded.ShouldClose);
    }

    [Theory]
    [InlineData("0003", 3)]
    [InlineData("8001" + "abcdef", 32769)]
    [InlineData("ffff", 65535)]
    public void UnknownOddTypesAreIgnored(string hex, int type)
    {
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        Assert.Equal(DecodeOutcome.UnknownOdd, decoded.Outcome);
        Assert.Equal(type, decoded.Type);
        Assert.False(decoded.ShouldClose);
    }

    [Theory]
    [InlineData("0020" + "00", "unknown even message type 32")] // open_channel: Peerd opens no channels
    [InlineData("8000", "unknown even message type 32768")]
    [InlineData("0000", "unknown even message type 0")]
    public void UnknownEvenTypesClose(string hex, string reason)
    {
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        Assert.Equal(DecodeOutcome.UnknownEven, decoded.Outcome);
        Assert.True(decoded.ShouldClose);
        Assert.Equal(reason, decoded.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    public void MessagesShorterThanTheirTypeAreMalformed(string hex)
    {
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
        Assert.True(decoded.ShouldClose);
        Assert.NotNull(decoded.Reason);
    }

    [Fact]
    public void EveryStrictPrefixOfEveryKnownMessageIsMalformedOrAnotherValidReading()
    {
        var key = new Peerd.Crypto.StaticKey(Enumerable.Repeat((byte)0x11, 32).ToArray());
        ILightningMessage[] messages =
        [
            new InitMessage(OurFeatures.Init, [LightningNetwork.Bitcoin.ChainHash]),
            new PingMessage(10, 3),
            new PongMessage(10),
            ErrorMessage.FromText("boom"),
            WarningMessage.FromText("careful"),
            NodeAnnouncement.Sign(key, OurFeatures.Node, 1, [1, 2, 3], "peerd", []),
            new GossipTimestampFilter(LightningNetwork.Bitcoin.ChainHash, 0, uint.MaxValue),
        ];
        foreach (var message in messages)
        {
            var bytes = message.ToArray();
            Assert.Equal(DecodeOutcome.Decoded, LightningMessageDecoder.Decode(bytes).Outcome);
            for (int length = 0; length < bytes.Length; length++)
            {
                var decoded = LightningMessageDecoder.Decode(bytes.AsSpan(0, length));
                // Init may end cleanly between TLV records; every other prefix must be reported as malformed.
                if (decoded.Outcome != DecodeOutcome.Decoded)
                {
                    Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
                    Assert.NotNull(decoded.Reason);
                }
            }
        }
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(1001);
        ushort[] types = [1, 16, 17, 18, 19, 257, 265];
        for (int i = 0; i < 20000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (bytes.Length >= 2 && random.Next(4) != 0)
            {
                ushort type = types[random.Next(types.Length)];
                bytes[0] = (byte)(type >> 8);
                bytes[1] = (byte)type;
            }

            var decoded = LightningMessageDecoder.Decode(bytes);
            Assert.True(Enum.IsDefined(decoded.Outcome));
        }
    }
}
