using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Asks peers for gossip. BOLT #7: a peer sends no gossip until it receives a <c>gossip_timestamp_filter</c>. With an
/// empty graph the filter starts at 0 (everything: Core Lightning streams a non-zero <c>first_timestamp</c> only from
/// its last two hours of records, so anything else gets a near-empty graph); with a graph it starts an hour before
/// the newest message held (only what is new). Only <see cref="MaxPeers"/> peers are asked at a time: each one then
/// streams the whole network's channel traffic. Each peer asked, and each that leaves, is told to
/// <see cref="Progress"/>.
/// </summary>
public sealed class GossipSync
{
    /// <summary>How many peers are asked for gossip at once.</summary>
    public const int MaxPeers = 2;

    /// <summary>How far before the newest message held a later sync starts (clock skew and relay delay).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(1);

    private readonly HashSet<NodeId> _asked = [];
    private readonly ChainHash _chain;
    private readonly ChannelGraph _graph;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates the policy for <paramref name="network"/>, resuming from <paramref name="graph"/>; each peer asked is
    /// logged to <paramref name="logger"/> and tracked by <paramref name="progress"/> (a new one on the system clock when null).
    /// </summary>
    public GossipSync(LightningNetwork network, ChannelGraph graph, GossipSyncProgress? progress = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(graph);
        _chain = network.ChainHash;
        _graph = graph;
        Progress = progress ?? new GossipSyncProgress(TimeProvider.System);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How the sync from each asked peer is going.</summary>
    public GossipSyncProgress Progress { get; }

    /// <summary>Call when a peer completes <c>init</c>: sends it a filter if fewer than <see cref="MaxPeers"/> have one.</summary>
    public void OnConnected(NodeId peer, Action<byte[]> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        lock (_asked)
        {
            if (_asked.Count >= MaxPeers || !_asked.Add(peer))
            {
                return;
            }
        }

        var filter = FilterFor(_graph.NewestTimestamp);
        Progress.Asked(peer, filter.FirstTimestamp);
        GossipLog.SyncAsked(_logger, peer.ToString(), filter.FirstTimestamp == 0 ? "the beginning" : DateTimeOffset.FromUnixTimeSeconds(filter.FirstTimestamp).ToString("u", System.Globalization.CultureInfo.InvariantCulture), filter.FirstTimestamp);
        send(filter.ToArray());
    }

    /// <summary>Call when a peer disconnects: another may be asked in its place.</summary>
    public void OnDisconnected(NodeId peer)
    {
        bool asked;
        lock (_asked)
        {
            asked = _asked.Remove(peer);
        }

        if (asked)
        {
            Progress.Disconnected(peer);
        }
    }

    /// <summary>The filter for a graph whose newest message is stamped <paramref name="newest"/> (0: empty).</summary>
    public GossipTimestampFilter FilterFor(uint newest)
    {
        uint first = newest == 0 ? 0 : (uint)Math.Max(1, (long)newest - (long)Overlap.TotalSeconds);
        return new GossipTimestampFilter(_chain, first, uint.MaxValue);
    }
}
