using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class ReplyChannelRangeTests
{
    [Fact]
    public void EncodesFieldsInBolt7Order()
    {
        var reply = new ReplyChannelRange(LightningNetwork.Bitcoin.ChainHash, 100, 50, syncComplete: true, ShortChannelIdEncoding.Empty);
        // type 264, chain, first_blocknum, number_of_blocks, sync_complete, len 1, encoding 0.
        Assert.Equal(
            "0108" + LightningNetwork.Bitcoin.ChainHash.ToWireHex() + "00000064" + "00000032" + "01" + "0001" + "00",
            Hex.Encode(reply.ToArray()));
    }

    [Fact]
    public void RoundTripsIdsAndExtension()
    {
        var ids = Hex.Decode("00" + "0000010000020003" + "0000040000050006");
        var reply = new ReplyChannelRange(LightningNetwork.Signet.ChainHash, 1, 2, syncComplete: false, ids, [new(1, 2), new(3, 0)]);
        Assert.True(ReplyChannelRange.TryDecode(reply.ToArray(), out var decoded, out _));
        Assert.Equal(LightningNetwork.Signet.ChainHash, decoded.ChainHash);
        Assert.Equal(1U, decoded.FirstBlocknum);
        Assert.Equal(2U, decoded.NumberOfBlocks);
        Assert.False(decoded.SyncComplete);
        Assert.Equal(ids, decoded.EncodedShortIds.ToArray());
        Assert.Equal("0111" + "00" + "0000000100000002" + "0000000300000000", Hex.Encode(decoded.Extension));
        Assert.Equal([new ChannelUpdateTimestamps(1, 2), new ChannelUpdateTimestamps(3, 0)], decoded.Timestamps);
        Assert.Null(decoded.Checksums);
    }

    [Fact]
    public void IdsLongerThanTheMessageAreTruncated()
    {
        var bytes = new ReplyChannelRange(LightningNetwork.Bitcoin.ChainHash, 0, 1, true, ShortChannelIdEncoding.Empty).ToArray();
        bytes[^2] = 0x09;
        Assert.False(ReplyChannelRange.TryDecode(bytes, out _, out var failure));
        Assert.Contains("encoded_short_ids", failure.Reason, StringComparison.Ordinal);
    }
}
