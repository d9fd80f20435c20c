using Microsoft.Extensions.Time.Testing;
using Peerd.Lightning.Gossip;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

public sealed class GossipSyncProgressTests
{
    private static readonly TimeSpan Quiet = GossipSyncProgress.DefaultQuietPeriod;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    private static GossipCounts Counts(long announcements, long updates, long nodes) => new(announcements, updates, nodes);

    private GossipPeerSync Peer(GossipSyncProgress progress, int n) => progress.Snapshot().Peers.Single(p => p.Peer.Equals(Id(n)));

    [Fact]
    public void NothingAskedIsNotStarted()
    {
        var progress = new GossipSyncProgress(_clock);
        Assert.Equal(GossipSyncState.NotStarted, progress.Snapshot().State);
        Assert.Empty(progress.Snapshot().Peers);
        Assert.Empty(progress.Poll());
    }

    [Fact]
    public void APeerGoesFromRequestedToReceivingToDoneAfterTheQuietPeriodWithItsCountsByKind()
    {
        var progress = new GossipSyncProgress(_clock);
        var asked = _clock.GetUtcNow();
        progress.Asked(Id(1), 0);
        var peer = Peer(progress, 1);
        Assert.Equal((GossipPeerSyncState.Requested, asked, (DateTimeOffset?)null, 0u), (peer.State, peer.Since, peer.LastMessageAt, peer.FirstTimestamp));
        Assert.Equal(GossipSyncState.Syncing, progress.Snapshot().State);

        _clock.Advance(TimeSpan.FromSeconds(2));
        progress.Record(Id(1), Counts(10, 20, 0), Counts(10, 18, 0));
        _clock.Advance(TimeSpan.FromSeconds(3));
        progress.Record(Id(1), Counts(0, 5, 7), Counts(0, 5, 6));
        var last = _clock.GetUtcNow();
        peer = Peer(progress, 1);
        Assert.Equal(GossipPeerSyncState.Receiving, peer.State);
        Assert.Equal(asked + TimeSpan.FromSeconds(2), peer.Since);
        Assert.Equal(last, peer.LastMessageAt);
        Assert.Equal(Counts(10, 25, 7), peer.Received);
        Assert.Equal(Counts(10, 23, 6), peer.Accepted);
        Assert.Equal(42, peer.Received.Total);

        _clock.Advance(Quiet - TimeSpan.FromSeconds(1));
        Assert.Equal(GossipPeerSyncState.Receiving, Peer(progress, 1).State);
        _clock.Advance(TimeSpan.FromSeconds(1));
        peer = Peer(progress, 1);
        Assert.Equal(GossipPeerSyncState.Done, peer.State);
        Assert.Equal(last + Quiet, peer.Since);
        Assert.Equal(TimeSpan.FromSeconds(5), peer.Duration(_clock.GetUtcNow()));
        Assert.Equal(GossipSyncState.Synced, progress.Snapshot().State);

        // Later gossip (the peer relaying what is new) is counted; the peer stays done.
        _clock.Advance(TimeSpan.FromMinutes(1));
        progress.Record(Id(1), Counts(0, 1, 0), Counts(0, 1, 0));
        peer = Peer(progress, 1);
        Assert.Equal((GossipPeerSyncState.Done, 43L), (peer.State, peer.Received.Total));
    }

    [Fact]
    public void APeerThatSendsNothingIsDoneAfterTheQuietPeriod()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Asked(Id(1), 1_700_000_000);
        _clock.Advance(Quiet - TimeSpan.FromTicks(1));
        Assert.Equal(GossipPeerSyncState.Requested, Peer(progress, 1).State);
        _clock.Advance(TimeSpan.FromTicks(1));
        var peer = Peer(progress, 1);
        Assert.Equal((GossipPeerSyncState.Done, 0L, 1_700_000_000u), (peer.State, peer.Received.Total, peer.FirstTimestamp));
    }

    [Fact]
    public void APeerThatSlowsToATrickleIsDoneThoughItNeverGoesQuiet()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Asked(Id(1), 0);
        progress.Record(Id(1), Counts(5_000, 10_000, 2_000), Counts(5_000, 10_000, 2_000)); // the dump, at 0 s
        int seconds = (int)Quiet.TotalSeconds;

        // One message a second (below TrickleRate): the first window held the dump, the second ends the answer.
        for (int second = 1; second < 2 * seconds; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            progress.Record(Id(1), Counts(0, 1, 0), default);
            Assert.Equal(GossipPeerSyncState.Receiving, Peer(progress, 1).State);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        progress.Record(Id(1), Counts(0, 1, 0), default);
        var peer = Peer(progress, 1);
        Assert.Equal((GossipPeerSyncState.Done, _clock.GetUtcNow()), (peer.State, peer.Since));
        Assert.Equal(17_000 + (2 * seconds), peer.Received.Total);
    }

    [Fact]
    public void APeerStillSendingAtTheTrickleRateKeepsReceiving()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Asked(Id(1), 0);
        for (int second = 0; second < 5 * Quiet.TotalSeconds; second++)
        {
            progress.Record(Id(1), Counts(0, GossipSyncProgress.TrickleRate, 0), default);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        progress.Record(Id(1), Counts(0, 1, 0), default);
        Assert.Equal(GossipPeerSyncState.Receiving, Peer(progress, 1).State);
    }

    [Fact]
    public void APeerThatDisconnectsBeforeItIsDoneIsDisconnectedAndTheSyncWaitsForAnother()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Asked(Id(1), 0);
        progress.Record(Id(1), Counts(1, 2, 3), Counts(1, 2, 3));
        _clock.Advance(TimeSpan.FromSeconds(4));
        progress.Disconnected(Id(1));
        var peer = Peer(progress, 1);
        Assert.Equal((GossipPeerSyncState.Disconnected, _clock.GetUtcNow()), (peer.State, peer.Since));
        Assert.Equal(TimeSpan.FromSeconds(4), peer.Duration(_clock.GetUtcNow() + TimeSpan.FromHours(1)));
        Assert.Equal(GossipSyncState.NotStarted, progress.Snapshot().State);

        _clock.Advance(Quiet * 2);
        Assert.Equal(GossipPeerSyncState.Disconnected, Peer(progress, 1).State); // the quiet period does not apply

        progress.Asked(Id(2), 0);
        Assert.Equal(GossipSyncState.Syncing, progress.Snapshot().State);
        Assert.Equal([Id(1), Id(2)], progress.Snapshot().Peers.Select(p => p.Peer));
    }

    [Fact]
    public void ADonePeerThatDisconnectsStaysDoneAndTheSyncStaysSynced()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Asked(Id(1), 0);
        progress.Record(Id(1), Counts(1, 0, 0), Counts(1, 0, 0));
        _clock.Advance(Quiet);
        progress.Disconnected(Id(1));
        Assert.Equal(GossipPeerSyncState.Done, Peer(progress, 1).State);
        Assert.Equal(GossipSyncState.Synced, progress.Snapshot().State);
    }

    [Fact]
    public void TheSyncIsSyncingWhileAnyPeerAnswersAndSyncedOnceAllHaveFinished()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Asked(Id(1), 0);
        progress.Record(Id(1), Counts(1, 0, 0), Counts(1, 0, 0));
        _clock.Advance(Quiet);
        progress.Asked(Id(2), 0);
        progress.Record(Id(2), Counts(1, 0, 0), Counts(0, 0, 0));
        Assert.Equal(GossipSyncState.Syncing, progress.Snapshot().State);
        _clock.Advance(Quiet);
        Assert.Equal(GossipSyncState.Synced, progress.Snapshot().State);
    }

    [Fact]
    public void GossipFromAPeerNotAskedIsNotTracked()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Record(Id(7), Counts(1, 1, 1), Counts(1, 1, 1));
        Assert.Empty(progress.Snapshot().Peers);
    }

    [Fact]
    public void AskingAPeerAgainStartsItOverAndAtMostKeptPeersAreKeptForgettingFinishedOnesFirst()
    {
        var progress = new GossipSyncProgress(_clock);
        progress.Asked(Id(1), 0);
        progress.Record(Id(1), Counts(1, 0, 0), Counts(1, 0, 0));
        progress.Disconnected(Id(1));
        progress.Asked(Id(1), 5);
        var peer = Assert.Single(progress.Snapshot().Peers);
        Assert.Equal((GossipPeerSyncState.Requested, 0L, 5u), (peer.State, peer.Received.Total, peer.FirstTimestamp));

        progress.Asked(Id(2), 0); // active, asked before every peer that then leaves
        for (int n = 3; n < 3 + GossipSyncProgress.KeptPeers; n++)
        {
            progress.Asked(Id(n), 0);
            progress.Disconnected(Id(n));
        }

        var kept = progress.Snapshot().Peers;
        Assert.Equal(GossipSyncProgress.KeptPeers, kept.Count);
        Assert.Contains(kept, p => p.Peer.Equals(Id(2)));
        Assert.Contains(kept, p => p.Peer.Equals(Id(1)));
        Assert.Equal(Id(2 + GossipSyncProgress.KeptPeers), kept[^1].Peer);
    }

    [Fact]
    public void PollReportsProgressAtMostEveryIntervalOnlyWhenSomethingArrivedAndEachEndOnce()
    {
        var progress = new GossipSyncProgress(_clock, TimeSpan.FromMinutes(1));
        progress.Asked(Id(1), 0);
        progress.Asked(Id(2), 0);
        progress.Record(Id(1), Counts(1, 0, 0), Counts(1, 0, 0));
        Assert.Empty(progress.Poll()); // the first report comes an interval after asking

        _clock.Advance(GossipSyncProgress.ProgressInterval);
        var report = Assert.Single(progress.Poll()); // peer 2 sent nothing: nothing to report
        Assert.Equal((GossipSyncReportKind.Progress, Id(1), 1L), (report.Kind, report.Peer.Peer, report.Peer.Received.Total));

        progress.Record(Id(1), Counts(0, 1, 0), Counts(0, 1, 0));
        _clock.Advance(GossipSyncProgress.ProgressInterval - TimeSpan.FromSeconds(1));
        Assert.Empty(progress.Poll()); // throttled
        _clock.Advance(TimeSpan.FromSeconds(1));
        report = Assert.Single(progress.Poll());
        Assert.Equal(2, report.Peer.Received.Total);
        _clock.Advance(GossipSyncProgress.ProgressInterval);
        Assert.Empty(progress.Poll()); // nothing new

        progress.Disconnected(Id(2));
        report = Assert.Single(progress.Poll());
        Assert.Equal((GossipSyncReportKind.Disconnected, Id(2)), (report.Kind, report.Peer.Peer));

        _clock.Advance(TimeSpan.FromMinutes(1));
        report = Assert.Single(progress.Poll());
        Assert.Equal((GossipSyncReportKind.Done, Id(1), 2L), (report.Kind, report.Peer.Peer, report.Peer.Received.Total));
        Assert.Empty(progress.Poll());
    }
}
