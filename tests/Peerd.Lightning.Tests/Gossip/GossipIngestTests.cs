using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using static Peerd.Lightning.Tests.Gossip.Announcements;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Gossip;

public sealed class GossipIngestTests
{
    private static readonly ShortChannelId A = ShortChannelId.From(800_000, 1, 0);
    private static readonly ShortChannelId B = ShortChannelId.From(800_001, 2, 1);

    [Fact]
    public async Task AChannelItsUpdatesAndItsNodesAnnouncementAreStoredFromOneBatch()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now), Update(A, 1, 2, 2, h.Now, disabled: true), Bytes(1, h.Now, IPv4("127.0.0.1", 40000)));

        Assert.Empty(h.Verdicts);
        Assert.Equal(1, h.Graph.ChannelCount);
        Assert.Equal(2, h.Graph.NodeCount);
        var directions = h.Graph.ListDirections();
        Assert.Equal(2, directions.Count);
        Assert.True(directions.Single(d => d.Source == Id(2)).Update.IsDisabled);
        Assert.False(directions.Single(d => d.Source == Id(1)).Update.IsDisabled);
        Assert.Equal(Ordered(1, 2).First == 1 ? 0 : 1, directions.Single(d => d.Source == Id(1)).Update.Direction);
        Assert.Equal("127.0.0.1:40000", h.Graph.AnnouncementOf(Id(1))!.Addresses.Single().ToString());
        Assert.Equal(4, h.Stored.Count);
    }

    [Fact]
    public async Task EachBatchIsTalliedByKindWithWhatWasStoredAndAHeldAnnouncementCountsWhenItIsStored()
    {
        await using var h = new GraphHarness();
        var tallies = new List<(NodeId Peer, GossipCounts Received, GossipCounts Accepted)>();
        h.Ingest.Tallied += (peer, received, accepted) => tallies.Add((peer, received, accepted));

        await h.FeedAsync(Bytes(1, h.Now, IPv4("127.0.0.1", 40000))); // held: no channel of node 1 yet
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now), Update(A, 1, 2, 1, h.Now), Announce(A, 1, 2));

        Assert.Equal(2, tallies.Count);
        Assert.All(tallies, t => Assert.Equal(GraphHarness.Peer, t.Peer));
        Assert.Equal((new GossipCounts(0, 0, 1), default(GossipCounts)), (tallies[0].Received, tallies[0].Accepted));
        Assert.Equal(new GossipCounts(2, 2, 0), tallies[1].Received);
        Assert.Equal(new GossipCounts(1, 1, 1), tallies[1].Accepted); // the duplicates are not; the held announcement is
    }

    [Fact]
    public async Task AForgedAnnouncementGetsAWarningWithItsReasonAndHonestGossipAfterItIsStored()
    {
        await using var h = new GraphHarness();
        var forged = Announce(A, 1, 2);
        forged[^1] ^= 1; // bitcoin_key_2 changed after signing
        await h.FeedAsync(forged, Announce(B, 3, 4));

        var verdict = Assert.Single(h.Verdicts);
        Assert.Equal(GossipVerdictKind.Invalid, verdict.Kind);
        Assert.StartsWith($"Bad signature on channel_announcement {A}", verdict.Reason);
        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Assert.Single(h.Warnings)).Message);
        Assert.Equal(verdict.Reason, warning.DataText);
        Assert.Equal(1, h.Graph.ChannelCount);
        Assert.Single(h.Graph.ChannelsInBlocks(800_001, 1));
    }

    [Fact]
    public async Task AForgedUpdateIsInvalid()
    {
        await using var h = new GraphHarness();
        var update = Update(A, 1, 2, 1, h.Now);
        update[^1] ^= 1;
        await h.FeedAsync(Announce(A, 1, 2), update);
        Assert.Equal(GossipVerdictKind.Invalid, Assert.Single(h.Verdicts).Kind);
        Assert.Empty(h.Graph.ListDirections());
    }

    [Fact]
    public async Task AnUpdateSignedByTheOtherEndIsInvalid()
    {
        await using var h = new GraphHarness();
        var (first, second) = Ordered(1, 2);
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, second, h.Now, direction: 0), Update(A, 1, 2, first, h.Now, direction: 0));
        Assert.Equal(GossipVerdictKind.Invalid, Assert.Single(h.Verdicts).Kind);
        Assert.Equal(Id(first), Assert.Single(h.Graph.ListDirections()).Source);
    }

    [Fact]
    public async Task AnotherChainsGossipIsRefusedWithItsReason()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2, LightningNetwork.Bitcoin.ChainHash));
        var verdict = Assert.Single(h.Verdicts);
        Assert.Equal(GossipVerdictKind.Refused, verdict.Kind);
        Assert.Equal($"channel_announcement {A} is for chain {LightningNetwork.Bitcoin.ChainHash}, not ours", verdict.Reason);
        Assert.Empty(h.Warnings);
        Assert.Equal(0, h.Graph.ChannelCount);
    }

    [Fact]
    public async Task AnUpdateForAnUnknownChannelIsRefused()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Update(A, 1, 2, 1, h.Now));
        Assert.Equal($"channel_update for unknown channel {A}", Assert.Single(h.Verdicts).Reason);
    }

    [Fact]
    public async Task DuplicatesAndOlderUpdatesAreIgnoredAndANewerOneReplaces()
    {
        await using var h = new GraphHarness();
        var update = Update(A, 1, 2, 1, h.Now);
        await h.FeedAsync(Announce(A, 1, 2), update, Announce(A, 1, 2), update, Update(A, 1, 2, 1, h.Now - 10));
        Assert.Equal(3, h.Verdicts.Count);
        Assert.All(h.Verdicts, v => Assert.Equal(GossipVerdictKind.Duplicate, v.Kind));
        Assert.Equal(2, h.Verdicts.Count(v => v.Reason!.Contains("is not newer", StringComparison.Ordinal)));

        await h.FeedAsync(Update(A, 1, 2, 1, h.Now + 1, feeBase: 7));
        Assert.Equal(7U, Assert.Single(h.Graph.ListDirections()).Update.FeeBaseMsat);
    }

    [Fact]
    public async Task DontForwardOnAPublicChannelIsRefused()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now, messageFlags: 3));
        Assert.Equal($"channel_update {A}: dont_forward is set on a public channel's update", Assert.Single(h.Verdicts).Reason);
    }

    [Fact]
    public async Task UpdatesOlderThanTwoWeeksOrFromTheFutureAreRefused()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now - 1_209_601), Update(A, 1, 2, 2, h.Now + 7_200));
        Assert.Equal(2, h.Verdicts.Count(v => v.Kind == GossipVerdictKind.Refused));
        Assert.Contains(h.Verdicts, v => v.Reason!.EndsWith("is older than two weeks", StringComparison.Ordinal));
        Assert.Contains(h.Verdicts, v => v.Reason!.Contains("ahead of our clock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASpammingDirectionIsCutAfterItsBurstWhileHonestGossipFlows()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Announce(B, 3, 4));
        var spam = Enumerable.Range(1, 20).Select(i => Update(A, 1, 2, 1, h.Now + (uint)i)).ToArray();
        await h.FeedAsync([.. spam, Update(B, 3, 4, 3, h.Now)]);

        Assert.Equal(8, h.Verdicts.Count);
        Assert.All(h.Verdicts, v => Assert.EndsWith("updates plus one per 3600 s (spam)", v.Reason, StringComparison.Ordinal));
        Assert.Equal(2, h.Graph.ListDirections().Count);
        Assert.Equal(h.Now + 12, h.Graph.ListDirections(A).Single().Update.Timestamp);

        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.FeedAsync(Update(A, 1, 2, 1, h.Now));
        Assert.Equal(8, h.Verdicts.Count);
    }

    [Fact]
    public async Task ANodeAnnouncementBeforeItsChannelIsHeldThenStored()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Bytes(5, h.Now, Dns("node.example", 9735)));
        Assert.Equal(GossipVerdictKind.Held, Assert.Single(h.Verdicts).Kind);
        Assert.Equal(0, h.Graph.NodeCount);

        await h.FeedAsync(Announce(A, 5, 6));
        Assert.Equal("node.example:9735", h.Graph.AnnouncementOf(Id(5))!.Addresses.Single().ToString());
        Assert.Contains(h.Stored, s => s.Type == MessageType.NodeAnnouncement);
    }

    [Fact]
    public async Task ANewerNodeAnnouncementReplacesAndAnOlderOneIsIgnored()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Bytes(1, h.Now, IPv4("127.0.0.1", 1)), Bytes(1, h.Now + 5, IPv4("127.0.0.1", 2)), Bytes(1, h.Now + 1, IPv4("127.0.0.1", 3)));
        Assert.Equal(GossipVerdictKind.Duplicate, Assert.Single(h.Verdicts).Kind);
        Assert.Equal("127.0.0.1:2", h.Graph.AnnouncementOf(Id(1))!.Addresses.Single().ToString());
    }

    [Fact]
    public async Task PruningDropsChannelsWithoutAnUpdateInTwoWeeksAndTheirLonelyNodes()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now));
        h.Clock.Advance(TimeSpan.FromDays(1));
        await h.FeedAsync(Announce(B, 2, 3), Update(B, 2, 3, 3, h.Now));
        h.Clock.Advance(TimeSpan.FromDays(13.5));
        Assert.Equal([A], h.Graph.Prune());
        Assert.Equal(1, h.Graph.ChannelCount);
        Assert.Equal(2, h.Graph.NodeCount);
        Assert.Null(h.Graph.AnnouncementOf(Id(1)));
    }

    [Fact]
    public async Task TheGraphCapRefusesNewChannelsWithItsReason()
    {
        await using var h = new GraphHarness(new GossipLimits { MaxChannels = 1 });
        await h.FeedAsync(Announce(A, 1, 2), Announce(B, 3, 4));
        Assert.Equal($"channel_announcement {B}: the graph is full (1 channels)", Assert.Single(h.Verdicts).Reason);
    }

    [Fact]
    public async Task ATruncatedAnnouncementIsInvalid()
    {
        await using var h = new GraphHarness();
        await h.FeedAsync(Announce(A, 1, 2)[..300]);
        Assert.Equal("channel_announcement: truncated in keys", Assert.Single(h.Verdicts).Reason);
    }
}
