namespace Peerd.Lightning.Gossip;

/// <summary>Where the gossip sync from one asked peer stands.</summary>
public enum GossipPeerSyncState
{
    /// <summary>Sent a <c>gossip_timestamp_filter</c>; no gossip from the peer yet.</summary>
    Requested,

    /// <summary>Gossip is arriving faster than the trickle of new gossip that follows a sync.</summary>
    Receiving,

    /// <summary>The peer went quiet (or slowed to a trickle) after its answer, or answered nothing: its part is held.</summary>
    Done,

    /// <summary>The peer disconnected before it was done; another peer is asked in its place.</summary>
    Disconnected,
}
