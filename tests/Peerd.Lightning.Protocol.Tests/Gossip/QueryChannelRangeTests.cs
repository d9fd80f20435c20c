using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class QueryChannelRangeTests
{
    [Fact]
    public void DecodesTheChainRangeAndKeepsTheTlvStream()
    {
        // type 263, regtest chain, first 600000, 0xffffffff blocks, query_option (type 1, length 1, flags 3).
        var hex = "0107" + LightningNetwork.Regtest.ChainHash.ToWireHex() + "000927c0" + "ffffffff" + "010103";
        Assert.True(QueryChannelRange.TryDecode(Hex.Decode(hex), out var query, out _));
        Assert.Equal(LightningNetwork.Regtest.ChainHash, query.ChainHash);
        Assert.Equal(600_000U, query.FirstBlocknum);
        Assert.Equal(uint.MaxValue, query.NumberOfBlocks);
        Assert.Equal("010103", Hex.Encode(query.Extension));
        Assert.Equal(hex, Hex.Encode(query.ToArray()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(39)]
    public void ShortQueriesAreTruncated(int payloadLength)
    {
        var bytes = new byte[2 + payloadLength];
        bytes[0] = 0x01;
        bytes[1] = 0x07;
        Assert.False(QueryChannelRange.TryDecode(bytes, out _, out var failure));
        Assert.Equal(DecodeFailureKind.Truncated, failure.Kind);
    }

    [Fact]
    public void AnotherTypeIsRefused()
    {
        Assert.False(QueryChannelRange.TryDecode(Hex.Decode("0108" + new string('0', 80)), out _, out var failure));
        Assert.Equal(DecodeFailureKind.WrongType, failure.Kind);
    }
}
