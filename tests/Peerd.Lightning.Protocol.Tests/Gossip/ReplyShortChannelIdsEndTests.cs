using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class ReplyShortChannelIdsEndTests
{
    [Theory]
    [InlineData(false, "00")]
    [InlineData(true, "01")]
    public void EncodesChainAndFullInformation(bool full, string flag)
    {
        var reply = new ReplyShortChannelIdsEnd(LightningNetwork.Regtest.ChainHash, full);
        var hex = "0106" + LightningNetwork.Regtest.ChainHash.ToWireHex() + flag;
        Assert.Equal(hex, Hex.Encode(reply.ToArray()));
        Assert.True(ReplyShortChannelIdsEnd.TryDecode(Hex.Decode(hex), out var decoded, out _));
        Assert.Equal(full, decoded.FullInformation);
        Assert.Equal(LightningNetwork.Regtest.ChainHash, decoded.ChainHash);
    }

    [Fact]
    public void AMissingFlagIsTruncated()
    {
        Assert.False(ReplyShortChannelIdsEnd.TryDecode(Hex.Decode("0106" + LightningNetwork.Regtest.ChainHash.ToWireHex()), out _, out _));
    }
}
