using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// One announced channel: its verified <c>channel_announcement</c>, the newest verified <c>channel_update</c> of each
/// direction, and each direction's update budget (<see cref="GossipLimits.UpdateBurst"/>). Guarded by the graph's lock.
/// </summary>
internal sealed class GraphChannel(ShortChannelId id, GraphNode node1, GraphNode node2, byte[] announcement, uint receivedAt)
{
    public ShortChannelId Id { get; } = id;

    public GraphNode Node1 { get; } = node1;

    public GraphNode Node2 { get; } = node2;

    public byte[] Announcement { get; } = announcement;

    /// <summary>When the announcement arrived (seconds): a channel never updated is pruned two weeks after it.</summary>
    public uint ReceivedAt { get; } = receivedAt;

    /// <summary>The funding output's value when a chain source reported it (0: not known).</summary>
    public long Satoshis { get; init; }

    /// <summary>The newest update per direction (0: from node 1, 1: from node 2), or null.</summary>
    public byte[]?[] Updates { get; } = new byte[2][];

    /// <summary>Each direction's update budget.</summary>
    public GossipTokens[] Tokens { get; } = [GossipTokens.Full, GossipTokens.Full];

    /// <summary>The node at <paramref name="direction"/>'s end.</summary>
    public GraphNode NodeAt(int direction) => direction == 0 ? Node1 : Node2;

    /// <summary>The timestamp of the update of <paramref name="direction"/>, or 0.</summary>
    public uint UpdateTimestamp(int direction) => Updates[direction] is { } u ? ChannelUpdate.ReadTimestamp(u) : 0;

    /// <summary>The newest update's timestamp in either direction, or the announcement's arrival when there is none.</summary>
    public uint LastSeen => Updates[0] is null && Updates[1] is null ? ReceivedAt : Math.Max(UpdateTimestamp(0), UpdateTimestamp(1));
}
