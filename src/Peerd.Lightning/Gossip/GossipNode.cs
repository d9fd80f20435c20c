using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Chain;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Chains;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The gossip side of a node, assembled: the <see cref="ChannelGraph"/> loaded from its <see cref="GossipStore"/>, the
/// <see cref="GossipIngest"/> that verifies what peers send, the <see cref="GossipRelay"/> and
/// <see cref="GossipResponder"/> that serve it, the <see cref="GossipSync"/> that asks for it, and the address book
/// fed with every stored <c>node_announcement</c>. Prunes channels older than two weeks every hour. The sync's progress
/// is fed from the ingest's tallies and logged by a <see cref="GossipSyncReporter"/>.
/// </summary>
public sealed class GossipNode : IAsyncDisposable
{
    /// <summary>How often stale channels are pruned.</summary>
    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly GossipStore _store;
    private readonly ITimer _pruneTimer;
    private readonly GossipSyncReporter _reporter;

    private GossipNode(ChannelGraph graph, GossipStore store, GossipIngest ingest, GossipRelay relay, GossipResponder responder, GossipSync sync, TimeProvider time, ILogger logger)
    {
        Graph = graph;
        _store = store;
        Ingest = ingest;
        Relay = relay;
        Responder = responder;
        Sync = sync;
        _pruneTimer = time.CreateTimer(_ => Prune(), null, PruneInterval, PruneInterval);
        _reporter = new GossipSyncReporter(sync.Progress, graph, time, logger);
    }

    /// <summary>The graph.</summary>
    public ChannelGraph Graph { get; }

    /// <summary>The ingest.</summary>
    public GossipIngest Ingest { get; }

    /// <summary>The relay.</summary>
    public GossipRelay Relay { get; }

    /// <summary>The responder (the peers' messages go here).</summary>
    public GossipResponder Responder { get; }

    /// <summary>The sync policy.</summary>
    public GossipSync Sync { get; }

    /// <summary>How the sync from each asked peer is going (<c>getinfo</c>'s <c>gossip_sync</c>).</summary>
    public GossipSyncProgress SyncProgress => Sync.Progress;

    /// <summary>
    /// Loads the store in <paramref name="directory"/> and starts everything for <paramref name="network"/>
    /// (<paramref name="syncQuietPeriod"/>: <see cref="GossipSyncProgress.QuietPeriod"/>, by default its default). With
    /// <paramref name="chain"/>, announcements are kept only when their funding output checks out through it.
    /// </summary>
    public static GossipNode Start(string directory, LightningNetwork network, AddressBook book, TimeProvider time, ILogger logger, GossipLimits? limits = null, TimeSpan? syncQuietPeriod = null, IChainSource? chain = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(book);
        var graph = new ChannelGraph(network.ChainHash, time, limits) { FundingOutputsChecked = chain is not null };
        var path = Path.Combine(directory, GossipStore.FileName);
        var started = Stopwatch.GetTimestamp();
        var store = GossipStore.Open(path, graph, time, logger);
        GossipLog.StoreOpened(logger, path, graph.ChannelCount, graph.NodeCount, store.LoadedRecords, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var ingest = new GossipIngest(graph, logger, chain is null ? null : new FundingCheck(chain, time, logger));
        var relay = new GossipRelay(graph);
        var progress = new GossipSyncProgress(time, syncQuietPeriod);
        ingest.Tallied += progress.Record;
        ingest.Stored += (origin, stored) =>
        {
            store.Append(stored);
            foreach (var message in stored)
            {
                if (message.Node is { } announcement)
                {
                    book.AcceptVerified(announcement);
                }
            }

            relay.Relay(origin, stored);
        };
        var responder = new GossipResponder(graph, ingest, relay, network.ChainHash, logger);
        return new GossipNode(graph, store, ingest, relay, responder, new GossipSync(network, graph, progress, logger), time, logger);
    }

    /// <summary>Call when a peer completes <c>init</c>.</summary>
    public void OnConnected(GossipPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        Sync.OnConnected(peer.Id, message => peer.TrySend(message));
    }

    /// <summary>Call when a peer's connection closes.</summary>
    public void OnDisconnected(NodeId peer)
    {
        Sync.OnDisconnected(peer);
        Responder.OnDisconnected(peer);
    }

    /// <summary>Prunes stale channels now (also run every <see cref="PruneInterval"/>).</summary>
    public void Prune() => _store.AppendDeletions(Graph.Prune());

    /// <summary>Finishes the queued gossip, syncs and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _pruneTimer.DisposeAsync().ConfigureAwait(false);
        await _reporter.DisposeAsync().ConfigureAwait(false);
        await Ingest.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }
}
