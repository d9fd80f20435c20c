using Peerd.TestKit;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;
using static Peerd.Lightning.Tests.Gossip.Announcements;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Gossip;

public sealed class GossipResponderTests : IAsyncLifetime
{
    private static readonly ShortChannelId A = ShortChannelId.From(800_000, 1, 0);
    private readonly GraphHarness _h = new();
    private readonly GossipRelay _relay;
    private readonly GossipResponder _responder;
    private readonly BlockingCollection<byte[]> _sent = [];
    private readonly GossipPeer _peer;

    public GossipResponderTests()
    {
        _relay = new GossipRelay(_h.Graph);
        _responder = new GossipResponder(_h.Graph, _h.Ingest, _relay, Regtest, NullLogger.Instance);
        _peer = new GossipPeer(GraphHarness.Peer, m => { _sent.Add(m); return true; }, (m, _) => { _sent.Add(m); return ValueTask.CompletedTask; }, CancellationToken.None);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private byte[] Next() => _sent.TryTake(out var m, TimeSpan.FromSeconds(30)) ? m : throw new TimeoutException("nothing sent");

    private Task FillAsync() => _h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, _h.Now), Update(A, 1, 2, 2, _h.Now), Bytes(2, _h.Now, IPv4("127.0.0.1")));

    [Fact]
    public async Task ChannelGossipGoesToTheIngest()
    {
        Assert.Equal(GossipOutcome.Queued, _responder.Handle(_peer, Announce(A, 1, 2)));
        await _h.Ingest.FlushAsync(_peer.Id, CancellationToken.None);
        await _h.Ingest.DrainAsync(CancellationToken.None);
        Assert.Equal(1, _h.Graph.ChannelCount);
    }

    [Fact]
    public async Task ARangeQueryIsAnsweredFromTheGraph()
    {
        await FillAsync();
        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, new QueryChannelRange(Regtest, 0, uint.MaxValue).ToArray()));
        Assert.True(ReplyChannelRange.TryDecode(Next(), out var reply, out _));
        Assert.True(reply.SyncComplete);
        Assert.Equal([A], GossipReplies.Decode(reply.EncodedShortIds));
    }

    [Fact]
    public async Task AnIdQueryGetsTheChannelItsUpdatesAndNodesThenTheEnd()
    {
        await FillAsync();
        var ids = new byte[9];
        A.WriteTo(ids.AsSpan(1));
        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, new QueryShortChannelIds(Regtest, ids).ToArray()));
        var types = Enumerable.Range(0, 5).Select(_ => LightningMessage.TryReadType(Next(), out var t) ? t : 0).ToList();
        Assert.Equal([256, 258, 258, 257, 262], types.Select(t => (int)t));
    }

    [Fact]
    public async Task ATimestampFilterGetsTheMatchingGraphThenFreshGossip()
    {
        await FillAsync();
        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, new GossipTimestampFilter(Regtest, 0, uint.MaxValue).ToArray()));
        var dumped = Enumerable.Range(0, 4).Select(_ => LightningMessage.TryReadType(Next(), out var t) ? (int)t : 0).ToList();
        Assert.Equal([256, 258, 258, 257], dumped);

        // Fresh gossip from another peer is relayed; the peer's own is not sent back to it.
        var other = Id(201);
        _h.Ingest.Offer(other, Update(A, 1, 2, 1, _h.Now + 1), _ => { });
        await _h.Ingest.FlushAsync(other, CancellationToken.None);
        await _h.Ingest.DrainAsync(CancellationToken.None);
        _relay.Relay(other, _h.Stored.Skip(4).ToList());
        Assert.True(LightningMessage.TryReadType(Next(), out var type));
        Assert.Equal(258, type);
    }

    [Fact]
    public void ATruncatedQueryGetsAWarning()
    {
        Assert.Equal(GossipOutcome.Malformed, _responder.Handle(_peer, Hex.Decode("0107" + "00")));
        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Next()).Message);
        Assert.Equal("query_channel_range: truncated in chain_hash", warning.DataText);
    }

    [Theory]
    [InlineData("01789c")] // zlib, which BOLT #7 forbids
    [InlineData("0000000000000001")] // uncompressed but not whole ids
    [InlineData("")] // no encoding byte
    public async Task AnIdQueryWhoseIdsCannotBeDecodedGetsCoreLightningsWarningAndNoEnd(string encoded)
    {
        await FillAsync();

        Assert.Equal(GossipOutcome.Malformed, _responder.Handle(_peer, new QueryShortChannelIds(Regtest, Hex.Decode(encoded)).ToArray()));

        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Next()).Message);
        Assert.Equal("Bad query_short_channel_ids encoding " + encoded, warning.DataText);
        Assert.Empty(_sent);

        // The peer may ask again, properly.
        var ids = new byte[9];
        A.WriteTo(ids.AsSpan(1));
        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, new QueryShortChannelIds(Regtest, ids).ToArray()));
        Assert.Equal(256, LightningMessage.TryReadType(Next(), out var type) ? type : 0);
    }

    [Fact]
    public async Task ARangeQueryForAnotherChainGetsOneIncompleteEmptyReply()
    {
        await FillAsync();
        var query = new QueryChannelRange(LightningNetwork.Bitcoin.ChainHash, 700_000, 1_000);

        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, query.ToArray()));

        Assert.True(ReplyChannelRange.TryDecode(Next(), out var reply, out _));
        Assert.False(reply.SyncComplete);
        Assert.Equal(LightningNetwork.Bitcoin.ChainHash, reply.ChainHash);
        Assert.Equal((700_000U, 1_000U), (reply.FirstBlocknum, reply.NumberOfBlocks));
        Assert.Empty(GossipReplies.Decode(reply.EncodedShortIds));
    }

    [Fact]
    public async Task AnIdQueryForAnotherChainGetsAnEndWithoutFullInformation()
    {
        await FillAsync();
        var ids = new byte[9];
        A.WriteTo(ids.AsSpan(1));

        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, new QueryShortChannelIds(LightningNetwork.Bitcoin.ChainHash, ids).ToArray()));

        Assert.True(ReplyShortChannelIdsEnd.TryDecode(Next(), out var end, out _));
        Assert.False(end.FullInformation);
    }

    [Fact]
    public void AnotherChainsFilterIsIgnored()
    {
        Assert.Equal(GossipOutcome.Ignored, _responder.Handle(_peer, new GossipTimestampFilter(LightningNetwork.Bitcoin.ChainHash, 0, uint.MaxValue).ToArray()));
        Assert.Equal(0, _relay.Subscribers);
    }

    [Theory]
    [InlineData("0012000100000000")]
    [InlineData("8001")]
    [InlineData("01")]
    public void OtherMessagesAreNotGossip(string hex) => Assert.Equal(GossipOutcome.NotGossip, _responder.Handle(_peer, Hex.Decode(hex)));

    private static readonly ShortChannelId B = ShortChannelId.From(800_001, 7, 1);

    private static byte[] Ids(params ShortChannelId[] ids)
    {
        var encoded = new byte[1 + (8 * ids.Length)];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i].WriteTo(encoded.AsSpan(1 + (8 * i)));
        }

        return encoded;
    }

    /// <summary>What came back up to and including the end marker: ca, cu0/cu1 (by direction), na:&lt;node&gt;, end.</summary>
    private List<string> Answer()
    {
        var seen = new List<string>();
        while (true)
        {
            var message = Next();
            Assert.True(LightningMessage.TryReadType(message, out var type));
            switch (type)
            {
                case 256:
                    seen.Add("ca");
                    break;
                case 258:
                    Assert.True(ChannelUpdate.TryRead(message, out var update, out _));
                    seen.Add($"cu{update.Direction}@{update.ShortChannelId.Block}");
                    break;
                case 257:
                    Assert.True(NodeAnnouncement.TryDecode(message, out var node, out _));
                    seen.Add("na:" + (node.NodeId.SequenceEqual(Key(2).PublicKey) ? 2 : node.NodeId.SequenceEqual(Key(3).PublicKey) ? 3 : 1));
                    break;
                case 262:
                    seen.Add("end");
                    Assert.Empty(_sent);
                    return seen;
                default:
                    seen.Add(type.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    [Fact]
    public async Task ARangeQueryWithQueryOptionGetsEachDirectionsTimestampAndChecksum()
    {
        var a1 = Update(A, 1, 2, Ordered(1, 2).First, _h.Now - 10);
        var a2 = Update(A, 1, 2, Ordered(1, 2).Second, _h.Now - 5);
        var b2 = Update(B, 2, 3, Ordered(2, 3).Second, _h.Now - 1);
        await _h.FeedAsync(Announce(A, 1, 2), a1, a2, Announce(B, 2, 3), b2);
        var query = new QueryChannelRange(Regtest, 800_000, 10, QueryOptionFlags.Timestamps | QueryOptionFlags.Checksums);

        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, query.ToArray()));

        Assert.True(ReplyChannelRange.TryDecode(Next(), out var reply, out _));
        Assert.True(reply.SyncComplete);
        Assert.Equal([A, B], GossipReplies.Decode(reply.EncodedShortIds));
        Assert.Equal([new(_h.Now - 10, _h.Now - 5), new(0, _h.Now - 1)], reply.Timestamps);
        Assert.Equal(
            [new(ChannelUpdateChecksum.Compute(a1), ChannelUpdateChecksum.Compute(a2)), new(0, ChannelUpdateChecksum.Compute(b2))],
            reply.Checksums);
    }

    [Fact]
    public async Task ARangeQueryAskingOnlyForTimestampsGetsNoChecksums()
    {
        await FillAsync();
        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, new QueryChannelRange(Regtest, 0, uint.MaxValue, QueryOptionFlags.Timestamps).ToArray()));
        Assert.True(ReplyChannelRange.TryDecode(Next(), out var reply, out _));
        Assert.Equal([new(_h.Now, _h.Now)], reply.Timestamps);
        Assert.Null(reply.Checksums);
    }

    [Theory]
    [InlineData("0200", "query_channel_range: invalid TLV stream: unknown even type (type 2)")]
    [InlineData("010301", "query_channel_range: invalid TLV stream: value truncated (type 1)")]
    [InlineData("0103fd0001", "query_channel_range: invalid TLV stream: value not minimally encoded (type 1)")]
    public async Task ARangeQueryWithAnInvalidTlvStreamGetsAWarningAndNoReply(string tlvs, string warningText)
    {
        await FillAsync();
        byte[] query = [.. new QueryChannelRange(Regtest, 0, uint.MaxValue).ToArray(), .. Hex.Decode(tlvs)];

        Assert.Equal(GossipOutcome.Malformed, _responder.Handle(_peer, query));

        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Next()).Message);
        Assert.Equal(warningText, warning.DataText);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task AnIdQueryWithQueryFlagsGetsOnlyWhatEachFlagAsksFor()
    {
        await FillAsync();
        string announcedEnd = Ordered(1, 2).First == 2 ? "Node1" : "Node2";

        async Task<List<string>> Ask(QueryFlag flag)
        {
            await AskAsync(new QueryShortChannelIds(Regtest, Ids(A), [flag]).ToArray());
            return Answer();
        }

        Assert.Equal(["end"], await Ask(QueryFlag.None));
        Assert.Equal(["ca", "end"], await Ask(QueryFlag.ChannelAnnouncement));
        Assert.Equal(["cu0@800000", "end"], await Ask(QueryFlag.ChannelUpdateNode1));
        Assert.Equal(["cu1@800000", "end"], await Ask(QueryFlag.ChannelUpdateNode2));

        // Only node 2 announced itself: asking for the other end's announcement gets nothing.
        Assert.Equal(["na:2", "end"], await Ask(announcedEnd == "Node1" ? QueryFlag.NodeAnnouncementNode1 : QueryFlag.NodeAnnouncementNode2));
        Assert.Equal(["end"], await Ask(announcedEnd == "Node1" ? QueryFlag.NodeAnnouncementNode2 : QueryFlag.NodeAnnouncementNode1));
        Assert.Equal(["ca", "cu0@800000", "cu1@800000", "na:2", "end"], await Ask(QueryFlag.All | (QueryFlag)0x40));
    }

    [Fact]
    public async Task EachIdGetsItsOwnFlagsAndANodeIsAnnouncedOncePerQuery()
    {
        await FillAsync();
        var (b1, b2) = Ordered(2, 3);
        await _h.FeedAsync(Announce(B, 2, 3), Update(B, 2, 3, b1, _h.Now), Update(B, 2, 3, b2, _h.Now));
        QueryFlag nodes = QueryFlag.NodeAnnouncementNode1 | QueryFlag.NodeAnnouncementNode2;

        Assert.Equal(GossipOutcome.Answered, _responder.Handle(_peer, new QueryShortChannelIds(Regtest, Ids(A, B), [QueryFlag.None, QueryFlag.ChannelAnnouncement | QueryFlag.ChannelUpdateNode2]).ToArray()));
        Assert.Equal(["ca", "cu1@800001", "end"], Answer());

        // Node 2 ends both channels: its announcement goes once.
        await AskAsync(new QueryShortChannelIds(Regtest, Ids(A, B), [nodes, nodes]).ToArray());
        Assert.Equal(["na:2", "end"], Answer());
    }

    [Fact]
    public async Task AFlagCountThatIsNotTheIdCountGetsCoreLightningsWarningAndNoEnd()
    {
        await FillAsync();

        Assert.Equal(GossipOutcome.Malformed, _responder.Handle(_peer, new QueryShortChannelIds(Regtest, Ids(A), [QueryFlag.All, QueryFlag.All]).ToArray()));
        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Next()).Message);
        Assert.Equal("Bad query_short_channel_ids flags count 2 scids 1", warning.DataText);
        Assert.Empty(_sent);

        Assert.Equal(GossipOutcome.Malformed, _responder.Handle(_peer, new QueryShortChannelIds(Regtest, Ids(A), []).ToArray()));
        warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Next()).Message);
        Assert.Equal("Bad query_short_channel_ids flags count 0 scids 1", warning.DataText);

        // The peer may ask again, properly.
        await AskAsync(new QueryShortChannelIds(Regtest, Ids(A), [QueryFlag.ChannelAnnouncement]).ToArray());
        Assert.Equal(["ca", "end"], Answer());
    }

    [Theory]
    [InlineData("01020101", "query_short_channel_ids: query_flags: unknown encoding_type 1")]
    [InlineData("010300fd01", "query_short_channel_ids: query_flags: query_flag truncated")]
    [InlineData("0100", "query_short_channel_ids: invalid TLV stream: value shorter than its known encoding (type 1)")]
    [InlineData("0200", "query_short_channel_ids: invalid TLV stream: unknown even type (type 2)")]
    public async Task MalformedQueryFlagsGetAWarningAndNoAnswer(string tlvs, string warningText)
    {
        await FillAsync();
        byte[] query = [.. new QueryShortChannelIds(Regtest, Ids(A)).ToArray(), .. Hex.Decode(tlvs)];

        Assert.Equal(GossipOutcome.Malformed, _responder.Handle(_peer, query));

        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Next()).Message);
        Assert.Equal(warningText, warning.DataText);
        Assert.Empty(_sent);
    }

    /// <summary>
    /// Hands <paramref name="query"/> to the responder once the previous answer's task has let go of the peer (one
    /// query at a time per peer: one sent before that is dropped, with nothing sent).
    /// </summary>
    private async Task AskAsync(byte[] query)
    {
        await Eventually.TrueAsync(() => _responder.Handle(_peer, query) == GossipOutcome.Answered, "the responder free to answer the query");
    }
}
