using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Asks a few peers for gossip, so that <c>node_announcement</c>s (and so addresses) reach the address book. BOLT 7:
/// a peer sends no gossip until it receives a <c>gossip_timestamp_filter</c>. The filter covers the last two weeks
/// (nodes re-announce at least that often) and the future; only <see cref="MaxPeers"/> peers are asked at a time,
/// because each one then streams the whole network's channel traffic, which Peerd reads and drops.
/// </summary>
public sealed class GossipSync
{
    /// <summary>How many peers are asked for gossip at once.</summary>
    public const int MaxPeers = 2;

    /// <summary>How far back the filter reaches.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    private readonly HashSet<NodeId> _asked = [];
    private readonly ChainHash _chain;
    private readonly TimeProvider _time;

    /// <summary>Creates the policy for <paramref name="network"/>.</summary>
    public GossipSync(LightningNetwork network, TimeProvider time)
    {
        _chain = network.ChainHash;
        _time = time;
    }

    /// <summary>Call when a peer completes <c>init</c>: sends it a filter if fewer than <see cref="MaxPeers"/> have one.</summary>
    public void OnConnected(PeerConnection connection)
    {
        lock (_asked)
        {
            if (_asked.Count >= MaxPeers || !_asked.Add(connection.NodeId))
            {
                return;
            }
        }

        var first = _time.GetUtcNow() - Window;
        connection.TrySend(new GossipTimestampFilter(_chain, (uint)Math.Max(0, first.ToUnixTimeSeconds()), uint.MaxValue).ToArray());
        _ = connection.Closed.ContinueWith(_ => Forget(connection.NodeId), TaskScheduler.Default);
    }

    private void Forget(NodeId id)
    {
        lock (_asked)
        {
            _asked.Remove(id);
        }
    }
}
