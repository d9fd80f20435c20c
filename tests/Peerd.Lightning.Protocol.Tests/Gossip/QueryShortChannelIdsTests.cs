using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class QueryShortChannelIdsTests
{
    [Fact]
    public void DecodesIdsAndQueryFlags()
    {
        var hex = "0105" + LightningNetwork.Testnet.ChainHash.ToWireHex() + "0011" + "00" + "0000010000020003" + "0000040000050006" + "0103000101";
        Assert.True(QueryShortChannelIds.TryDecode(Hex.Decode(hex), out var query, out _));
        Assert.Equal(LightningNetwork.Testnet.ChainHash, query.ChainHash);
        Assert.Equal(17, query.EncodedShortIds.Length);
        Assert.True(ShortChannelIdEncoding.IsWellFormed(query.EncodedShortIds));
        Assert.Equal("0103000101", Hex.Encode(query.Extension));
        Assert.Equal(hex, Hex.Encode(query.ToArray()));
    }

    [Fact]
    public void ALengthPastTheEndIsTruncated()
    {
        var hex = "0105" + LightningNetwork.Testnet.ChainHash.ToWireHex() + "0009" + "00";
        Assert.False(QueryShortChannelIds.TryDecode(Hex.Decode(hex), out _, out var failure));
        Assert.Contains("encoded_short_ids", failure.Reason, StringComparison.Ordinal);
    }
}
