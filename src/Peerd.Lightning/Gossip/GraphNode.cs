using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>One node of the graph: how many channels it has, and its newest verified <c>node_announcement</c>.</summary>
internal sealed class GraphNode(NodeId id)
{
    public NodeId Id { get; } = id;

    /// <summary>Known channels; the node leaves the graph with its last one (BOLT #7 ties a node to its channels).</summary>
    public int ChannelCount { get; set; }

    /// <summary>The newest announcement, decoded once (listnodes and connect read it).</summary>
    public NodeAnnouncement? Announcement { get; set; }

    /// <summary>The announcement's budget (<see cref="GossipLimits.UpdateBurst"/>).</summary>
    public GossipTokens Tokens { get; set; } = GossipTokens.Full;
}
