using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Tests.Tlv;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Messages;

public class PingMessageTests
{
    private static string Extra(string name) =>
        Bolt1Vectors.Document.GetProperty("extra_non_spec_examples").GetProperty(name).GetString()!;

    [Fact]
    public void CoreLightningWebsocketPingDecodesAndItsPongIsFiftyZeroBytes()
    {
        // bytes((0, 18, 0, 50, 0, 0)) from Core Lightning's test_websocket.
        Assert.True(PingMessage.TryDecode(Hex.Decode(Extra("ping_num_pong_bytes_50_no_padding_hex")), out var ping, out _));
        Assert.Equal(50, ping.NumPongBytes);
        Assert.Equal(0, ping.BytesLength);
        Assert.True(ping.RequiresPong);

        var pong = ping.CreatePong()!;
        Assert.Equal(Extra("pong_reply_to_above_hex"), Hex.Encode(pong.ToArray()));
        Assert.True(pong.Answers(ping.NumPongBytes));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(65531, true)]
    [InlineData(65532, false)]
    [InlineData(65535, false)]
    public void PongIsRequiredOnlyBelow65532(int numPongBytes, bool required)
    {
        var ping = new PingMessage((ushort)numPongBytes);
        Assert.Equal(required, ping.RequiresPong);
        Assert.Equal(required, ping.CreatePong() is not null);
        Assert.Equal(PingMessage.NoReplyThreshold, Bolt1Vectors.Document.GetProperty("extra_non_spec_examples").GetProperty("ping_no_reply_threshold").GetInt32());
    }

    [Fact]
    public void IgnoredBytesAreWrittenAsZeros()
    {
        var buffer = Enumerable.Repeat((byte)0xee, 12).ToArray();
        int written = new PingMessage(1, 4).WriteTo(buffer);
        Assert.Equal(10, written);
        Assert.Equal("00120001000400000000" + "eeee", Hex.Encode(buffer));
    }

    [Theory]
    [InlineData("0012", "ping: truncated in num_pong_bytes")]
    [InlineData("001200", "ping: truncated in num_pong_bytes")]
    [InlineData("00120032", "ping: truncated in ignored")]
    [InlineData("0012003200", "ping: truncated in ignored")]
    [InlineData("0012003200050000", "ping: truncated in ignored")]
    [InlineData("00120032ffff", "ping: truncated in ignored")]
    public void ShortPingsAreMalformedWithAPreciseReason(string hex, string reason)
    {
        var decoded = LightningMessageDecoder.Decode(Hex.Decode(hex));
        Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
        Assert.Equal(reason, decoded.Reason);
    }

    [Fact]
    public void TrailingExtensionBytesAreIgnored()
    {
        Assert.True(PingMessage.TryDecode(Hex.Decode("00120001000100" + "aabbcc"), out var ping, out _));
        Assert.Equal(1, ping.BytesLength);
    }

    [Fact]
    public void RandomPingsRoundTrip()
    {
        var random = new Random(18);
        for (int i = 0; i < 300; i++)
        {
            var ping = new PingMessage((ushort)random.Next(65536), (ushort)random.Next(2000));
            Assert.True(PingMessage.TryDecode(ping.ToArray(), out var decoded, out _));
            Assert.Equal(ping.NumPongBytes, decoded.NumPongBytes);
            Assert.Equal(ping.BytesLength, decoded.BytesLength);
        }
    }

    [Fact]
    public void LargestPingFitsAMessage()
    {
        var ping = new PingMessage(0, PingMessage.MaxBytesLength);
        Assert.Equal(LightningMessage.MaxLength, ping.EncodedLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PingMessage(0, PingMessage.MaxBytesLength + 1));
    }
}
