using Peerd.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Gossip;
using static Peerd.Lightning.Tests.Gossip.Announcements;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Gossip;

public sealed class GossipStoreTests : IDisposable
{
    private static readonly ShortChannelId A = ShortChannelId.From(700_000, 1, 0);
    private static readonly ShortChannelId B = ShortChannelId.From(700_001, 1, 0);

    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-store-").FullName;

    private string StorePath => Path.Combine(_dir, GossipStore.FileName);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(ChannelGraph Graph, int Records)> WriteAsync(params byte[][] messages)
    {
        await using var h = new GraphHarness();
        using var store = GossipStore.Open(StorePath, new ChannelGraph(Regtest, h.Clock), h.Clock, NullLogger.Instance);
        h.Ingest.Stored += (_, stored) => store.Append(stored);
        await h.FeedAsync(messages);
        return (h.Graph, h.Stored.Count);
    }

    private ChannelGraph Reopen()
    {
        var graph = new ChannelGraph(Regtest, TestClock.Create());
        using var store = GossipStore.Open(StorePath, graph, TestClock.Create(), NullLogger.Instance);
        return graph;
    }

    [Fact]
    public async Task ARestartKeepsTheGraph()
    {
        var now = TestClock.Create().UnixSeconds();
        var (before, records) = await WriteAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, now), Update(A, 1, 2, 2, now), Bytes(1, now, Dns("one.example")), Announce(B, 2, 3));
        Assert.Equal(5, records);

        var after = Reopen();
        Assert.Equal(before.ChannelCount, after.ChannelCount);
        Assert.Equal(3, after.NodeCount);
        Assert.Equal(2, after.ListDirections(A).Count);
        Assert.Equal("one.example:9735", after.AnnouncementOf(Id(1))!.Addresses.Single().ToString());
        Assert.Equal(now, after.NewestTimestamp);
    }

    [Fact]
    public async Task ATornStoreLosesOnlyItsLastRecordAndTakesAppendsAfterIt()
    {
        var now = TestClock.Create().UnixSeconds();
        await WriteAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, now), Bytes(1, now, IPv4("127.0.0.1")));
        long length = new FileInfo(StorePath).Length;
        using (var file = new FileStream(StorePath, FileMode.Open))
        {
            file.SetLength(length - 3);
        }

        var graph = Reopen();
        Assert.Equal(1, graph.ChannelCount);
        Assert.Single(graph.ListDirections());
        Assert.Null(graph.AnnouncementOf(Id(1)));
        Assert.True(new FileInfo(StorePath).Length < length - 3);

        await WriteAsync(Announce(B, 3, 4));
        Assert.Equal(2, Reopen().ChannelCount);
    }

    [Fact]
    public async Task ACorruptRecordEndsTheReplayThere()
    {
        var now = TestClock.Create().UnixSeconds();
        await WriteAsync(Announce(A, 1, 2), Announce(B, 3, 4), Update(B, 3, 4, 3, now));
        var bytes = File.ReadAllBytes(StorePath);
        bytes[1 + 12 + Announce(A, 1, 2).Length + 12 + 100] ^= 0xFF; // inside the second record
        File.WriteAllBytes(StorePath, bytes);

        var graph = Reopen();
        Assert.Equal(1, graph.ChannelCount);
        Assert.Single(graph.ChannelsInBlocks(700_000, 1));
    }

    [Fact]
    public async Task APrunedChannelStaysPrunedAfterARestart()
    {
        var clock = TestClock.Create();
        var graph = new ChannelGraph(Regtest, clock);
        await using (var h = new GraphHarness())
        {
            using var store = GossipStore.Open(StorePath, graph, clock, NullLogger.Instance);
            h.Ingest.Stored += (_, stored) => store.Append(stored);
            await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now));
            graph = h.Graph;
            store.AppendDeletions([A]);
        }

        Assert.Equal(0, Reopen().ChannelCount);
    }

    [Fact]
    public void AFileInAnotherFormatIsMovedAsideAndTheGraphStartsEmpty()
    {
        File.WriteAllBytes(StorePath, [14, 0, 0, 0]);
        Assert.Equal(0, Reopen().ChannelCount);
        Assert.True(File.Exists(StorePath + ".unreadable"));
    }
}
