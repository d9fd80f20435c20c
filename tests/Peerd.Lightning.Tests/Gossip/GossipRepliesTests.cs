using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Tests.Gossip;

public class GossipRepliesTests
{
    private static readonly ChainHash Chain = LightningNetwork.Regtest.ChainHash;

    [Theory]
    [InlineData(0U, uint.MaxValue, 0U, uint.MaxValue)]
    [InlineData(700_000U, 1_000U, 700_000U, 1_000U)]
    [InlineData(5U, 0U, 5U, 1U)]
    [InlineData(10U, uint.MaxValue, 10U, uint.MaxValue - 10)]
    public void ARangeQueryGetsOneFinalEmptyReplyCoveringIt(uint first, uint blocks, uint replyFirst, uint replyBlocks)
    {
        var reply = GossipReplies.For(new QueryChannelRange(Chain, first, blocks));
        Assert.Equal(Chain, reply.ChainHash);
        Assert.Equal(replyFirst, reply.FirstBlocknum);
        Assert.Equal(replyBlocks, reply.NumberOfBlocks);
        Assert.True(reply.SyncComplete);
        Assert.Equal([ShortChannelIdEncoding.Uncompressed], reply.EncodedShortIds.ToArray());
        Assert.True(reply.Extension.IsEmpty);

        // Core Lightning's checks: no overflow, and the reply overlaps the query.
        ulong end = (ulong)reply.FirstBlocknum + reply.NumberOfBlocks;
        Assert.True(end <= uint.MaxValue);
        Assert.True(reply.FirstBlocknum <= first && end > first);
    }

    [Fact]
    public void TheQueriedChainIsEchoedEvenIfItIsNotOurs()
    {
        var other = LightningNetwork.Bitcoin.ChainHash;
        Assert.Equal(other, GossipReplies.For(new QueryChannelRange(other, 1, 1)).ChainHash);
        Assert.Equal(other, GossipReplies.For(new QueryShortChannelIds(other, [0])).ChainHash);
    }

    [Fact]
    public void AnIdQueryEndsAtOnceWithoutFullInformation()
    {
        var reply = GossipReplies.For(new QueryShortChannelIds(Chain, [0, 0, 0, 1, 0, 0, 2, 0, 3]));
        Assert.Equal(Chain, reply.ChainHash);
        Assert.False(reply.FullInformation);
    }
}
