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
/// streams the whole network's channel traffic.
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

    /// <summary>Creates the policy for <paramref name="network"/>, resuming from <paramref name="graph"/>.</summary>
    public GossipSync(LightningNetwork network, ChannelGraph graph)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(graph);
        _chain = network.ChainHash;
        _graph = graph;
    }

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

        send(FilterFor(_graph.NewestTimestamp).ToArray());
    }

    /// <summary>Call when a peer disconnects: another may be asked in its place.</summary>
    public void OnDisconnected(NodeId peer)
    {
        lock (_asked)
        {
            _asked.Remove(peer);
        }
    }

    /// <summary>The filter for a graph whose newest message is stamped <paramref name="newest"/> (0: empty).</summary>
    public GossipTimestampFilter FilterFor(uint newest)
    {
        uint first = newest == 0 ? 0 : (uint)Math.Max(1, (long)newest - (long)Overlap.TotalSeconds);
        return new GossipTimestampFilter(_chain, first, uint.MaxValue);
    }
}
