using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Tests.Gossip;

public class GossipRepliesTests
{
    private static readonly ChainHash Chain = LightningNetwork.Regtest.ChainHash;

    [Theory]
    [InlineData(0U, uint.MaxValue, 0U, uint.MaxValue)]
    [InlineData(700_000U, 1_000U, 700_000U, 1_000U)]
    [InlineData(5U, 0U, 5U, 1U)]
    [InlineData(10U, uint.MaxValue, 10U, uint.MaxValue - 10)]
    public void ARangeWithoutChannelsGetsOneFinalEmptyReplyCoveringIt(uint first, uint blocks, uint replyFirst, uint replyBlocks)
    {
        var reply = Assert.Single(GossipReplies.For(new QueryChannelRange(Chain, first, blocks), []));
        Assert.Equal(Chain, reply.ChainHash);
        Assert.Equal(replyFirst, reply.FirstBlocknum);
        Assert.Equal(replyBlocks, reply.NumberOfBlocks);
        Assert.True(reply.SyncComplete);
        Assert.Equal([ShortChannelIdEncoding.Uncompressed], reply.EncodedShortIds.ToArray());

        // Core Lightning's checks: no overflow, and the reply overlaps the query.
        ulong end = (ulong)reply.FirstBlocknum + reply.NumberOfBlocks;
        Assert.True(end <= uint.MaxValue);
        Assert.True(reply.FirstBlocknum <= first && end > first);
    }

    [Fact]
    public void ManyIdsAreSplitAtBlockBoundariesIntoRepliesThatCoverTheRangeExactly()
    {
        var ids = Enumerable.Range(0, 20_000).Select(i => ShortChannelId.From(100 + (uint)(i / 3), (uint)(i % 3), 0)).ToList();
        var replies = GossipReplies.For(new QueryChannelRange(Chain, 50, 1_000_000), [.. ids.Select(id => new ChannelRangeEntry(id))]);

        Assert.Equal(3, replies.Count);
        Assert.Equal([false, false, true], replies.Select(r => r.SyncComplete));
        Assert.Equal(50U, replies[0].FirstBlocknum);
        for (int i = 1; i < replies.Count; i++)
        {
            Assert.Equal(replies[i - 1].FirstBlocknum + replies[i - 1].NumberOfBlocks, replies[i].FirstBlocknum);
        }

        Assert.Equal(1_000_050UL, (ulong)replies[^1].FirstBlocknum + replies[^1].NumberOfBlocks);
        var all = replies.SelectMany(r => GossipReplies.Decode(r.EncodedShortIds)).ToList();
        Assert.Equal(ids, all);
        foreach (var reply in replies)
        {
            Assert.All(GossipReplies.Decode(reply.EncodedShortIds), id => Assert.InRange(id.Block, reply.FirstBlocknum, reply.FirstBlocknum + reply.NumberOfBlocks - 1));
        }
    }

    [Fact]
    public void TheQueriedChainIsEchoed()
    {
        var other = LightningNetwork.Bitcoin.ChainHash;
        Assert.Equal(other, Assert.Single(GossipReplies.For(new QueryChannelRange(other, 1, 1), [])).ChainHash);
        Assert.Equal(other, GossipReplies.For(new QueryShortChannelIds(other, [0])).ChainHash);
    }

    [Fact]
    public void AnIdQueryEndsWithFullInformation()
    {
        var reply = GossipReplies.For(new QueryShortChannelIds(Chain, [0, 0, 0, 1, 0, 0, 2, 0, 3]));
        Assert.True(reply.FullInformation);
        Assert.Equal([ShortChannelId.From(0, 1, 2)], GossipReplies.Decode([0, 0, 0, 0, 0, 0, 1, 0, 2]));
        Assert.Empty(GossipReplies.Decode([1, 2, 3]));
    }

    [Fact]
    public void RepliesWithTimestampsAndChecksumsCarryOneOfEachPerIdAndFitAMessage()
    {
        var channels = Enumerable.Range(0, 10_000)
            .Select(i => new ChannelRangeEntry(ShortChannelId.From(100 + (uint)(i / 3), (uint)(i % 3), 0), new((uint)i, (uint)i + 1), new((uint)i * 7, 0)))
            .ToList();
        var query = new QueryChannelRange(Chain, 0, 1_000_000, QueryOptionFlags.Timestamps | QueryOptionFlags.Checksums);

        var replies = GossipReplies.For(query, channels);

        // 2728 ids fit a message with both TLVs, cut back to a block boundary: four replies, not the two of ids alone.
        Assert.Equal(4, replies.Count);
        Assert.Equal([false, false, false, true], replies.Select(r => r.SyncComplete));
        foreach (var reply in replies)
        {
            Assert.True(reply.ToArray().Length <= 65535);
            int ids = GossipReplies.Decode(reply.EncodedShortIds).Count;
            Assert.Equal(ids, reply.Timestamps!.Count);
            Assert.Equal(ids, reply.Checksums!.Count);
        }

        Assert.Equal(channels.Select(c => c.Id), replies.SelectMany(r => GossipReplies.Decode(r.EncodedShortIds)));
        Assert.Equal(channels.Select(c => c.Timestamps), replies.SelectMany(r => r.Timestamps!));
        Assert.Equal(channels.Select(c => c.Checksums), replies.SelectMany(r => r.Checksums!));
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData(QueryOptionFlags.None, false, false)]
    [InlineData(QueryOptionFlags.Timestamps, true, false)]
    [InlineData(QueryOptionFlags.Checksums, false, true)]
    [InlineData((QueryOptionFlags)0xfc, false, false)] // only unknown bits
    public void OnlyTheTlvsAskedForAreAdded(QueryOptionFlags? option, bool timestamps, bool checksums)
    {
        var reply = Assert.Single(GossipReplies.For(new QueryChannelRange(Chain, 0, 1_000, option), [new ChannelRangeEntry(ShortChannelId.From(500, 1, 0), new(1, 2), new(3, 4))]));
        Assert.Equal(timestamps, reply.Timestamps is not null);
        Assert.Equal(checksums, reply.Checksums is not null);
        Assert.Equal(option is null || (!timestamps && !checksums), reply.Extension.IsEmpty);
    }

    [Fact]
    public void AnEmptyRangeWithOptionsHasEmptyTlvs()
    {
        var reply = Assert.Single(GossipReplies.For(new QueryChannelRange(Chain, 0, 1_000, QueryOptionFlags.Timestamps | QueryOptionFlags.Checksums), []));
        Assert.Empty(reply.Timestamps!);
        Assert.Empty(reply.Checksums!);
    }
}
