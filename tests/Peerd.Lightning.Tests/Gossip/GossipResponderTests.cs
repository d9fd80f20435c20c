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

public sealed class GossipResponderTests : IAsyncDisposable
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

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

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
}
