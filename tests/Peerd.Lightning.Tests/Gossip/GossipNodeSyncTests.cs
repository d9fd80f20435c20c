using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.TestKit;
using static Peerd.Lightning.Tests.Gossip.Announcements;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Gossip;

/// <summary>The assembled gossip node asks a peer, tracks what it answers and logs the sync as an operator sees it.</summary>
public sealed class GossipNodeSyncTests
{
    private static readonly ShortChannelId A = ShortChannelId.From(800_000, 1, 0);

    [Fact]
    public async Task APeerAskedIsLoggedItsProgressEveryTenSecondsAndItsEndWithCountsAndGraphTotals()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        var log = new CapturedLog();
        using var book = AddressBook.Open(dir.File(AddressBook.FileName), clock, NullLogger.Instance);
        await using var gossip = GossipNode.Start(dir.Path, LightningNetwork.Regtest, book, clock, log);
        var sent = new List<byte[]>();
        var peer = new GossipPeer(Id(9), m => { sent.Add(m); return true; }, (_, _) => ValueTask.CompletedTask, CancellationToken.None);
        uint now = (uint)clock.GetUtcNow().ToUnixTimeSeconds();

        gossip.OnConnected(peer);
        var filter = Assert.IsType<GossipTimestampFilter>(LightningMessageDecoder.Decode(Assert.Single(sent)).Message);
        Assert.Equal(0u, filter.FirstTimestamp);
        Assert.Contains((LogLevel.Information, $"Asked {Id(9)} for gossip from the beginning (first_timestamp 0)"), log.Lines);
        Assert.Equal(GossipSyncState.Syncing, gossip.SyncProgress.Snapshot().State);

        await FeedAsync(gossip, peer, Announce(A, 1, 2), Update(A, 1, 2, 1, now), Update(A, 1, 2, 2, now), Update(A, 1, 2, 2, now));
        Assert.Equal(GossipPeerSyncState.Receiving, Assert.Single(gossip.SyncProgress.Snapshot().Peers).State);
        clock.Advance(TimeSpan.FromSeconds(5));
        await FeedAsync(gossip, peer, Bytes(1, now), Bytes(2, now));
        Assert.DoesNotContain(log.Lines, l => l.Text.StartsWith("Gossip sync from", StringComparison.Ordinal)); // not yet 10 s

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Contains(
            (LogLevel.Information, $"Gossip sync from {Id(9)}: 6 messages in 10 s (1 channel_announcement, 3 channel_update, 2 node_announcement), 5 accepted; graph 1 channels, 2 nodes"),
            log.Lines);

        clock.Advance(GossipSyncProgress.DefaultQuietPeriod);
        Assert.Contains(
            (LogLevel.Information, $"Gossip sync from {Id(9)} done in 5 s: 6 messages (1 channel_announcement, 3 channel_update, 2 node_announcement), 5 accepted; graph 1 channels, 2 nodes"),
            log.Lines);
        var (state, peers) = gossip.SyncProgress.Snapshot();
        Assert.Equal(GossipSyncState.Synced, state);
        Assert.Equal((new GossipCounts(1, 3, 2), new GossipCounts(1, 2, 2)), (peers[0].Received, peers[0].Accepted));
        Assert.Single(log.Lines, l => l.Text.Contains(" done in ", StringComparison.Ordinal));

        // A second peer is asked only from an hour before the newest message held; it leaves before it is done.
        sent.Clear();
        var second = peer with { Id = Id(8) };
        gossip.OnConnected(second);
        Assert.Equal(now - 3600, Assert.IsType<GossipTimestampFilter>(LightningMessageDecoder.Decode(Assert.Single(sent)).Message).FirstTimestamp);
        var from = DateTimeOffset.FromUnixTimeSeconds(now - 3600).ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains((LogLevel.Information, $"Asked {Id(8)} for gossip from {from} (first_timestamp {now - 3600})"), log.Lines);
        clock.Advance(TimeSpan.FromSeconds(3));
        gossip.OnDisconnected(Id(8));
        clock.Advance(GossipSyncReporter.Tick);
        Assert.Contains(
            (LogLevel.Information, $"Gossip sync from {Id(8)} cut short: it disconnected after 3 s and 0 messages (0 accepted); another peer is asked when one connects"),
            log.Lines);
        Assert.Equal(GossipSyncState.Synced, gossip.SyncProgress.Snapshot().State);
    }

    private static async Task FeedAsync(GossipNode gossip, GossipPeer peer, params byte[][] messages)
    {
        foreach (var message in messages)
        {
            Assert.Equal(GossipOutcome.Queued, gossip.Responder.Handle(peer, message));
        }

        await gossip.Ingest.FlushAsync(peer.Id, CancellationToken.None);
        await gossip.Ingest.DrainAsync(CancellationToken.None);
    }
}
