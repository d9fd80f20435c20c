using Microsoft.Extensions.Time.Testing;
using Peerd.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

/// <summary>A graph and its ingest on a manual clock, fed as one peer's read loop would feed them.</summary>
internal sealed class GraphHarness : IAsyncDisposable
{
    public static readonly NodeId Peer = Id(200);

    public GraphHarness(GossipLimits? limits = null, FundingCheck? funding = null)
    {
        Graph = new ChannelGraph(ChannelGossip.Regtest, Clock, limits) { FundingOutputsChecked = funding is not null };
        Ingest = new GossipIngest(Graph, NullLogger.Instance, funding);
        Ingest.Judged += (_, verdict) => Verdicts.Add(verdict);
        Ingest.Stored += (_, stored) => Stored.AddRange(stored);
    }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public ChannelGraph Graph { get; }

    public GossipIngest Ingest { get; }

    public List<GossipVerdict> Verdicts { get; } = [];

    public List<StoredGossip> Stored { get; } = [];

    public List<byte[]> Warnings { get; } = [];

    public uint Now => Clock.UnixSeconds();

    /// <summary>Offers the messages as one socket read's worth, hands the batch over and waits until it is applied.</summary>
    public async Task FeedAsync(params byte[][] messages)
    {
        foreach (var message in messages)
        {
            Ingest.Offer(Peer, message, Warnings.Add);
        }

        await Ingest.FlushAsync(Peer, CancellationToken.None);
        await Ingest.DrainAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Ingest.DisposeAsync();
}
