using Peerd.Lightning.Node;

namespace Peerd.Lightning.Gossip;

/// <summary>A copy of one asked peer's sync progress (see <see cref="GossipSyncProgress"/>).</summary>
/// <param name="Peer">The peer.</param>
/// <param name="State">Its state.</param>
/// <param name="FirstTimestamp">The <c>first_timestamp</c> it was asked from (0: everything).</param>
/// <param name="AskedAt">When it was asked.</param>
/// <param name="Since">When it entered <paramref name="State"/>.</param>
/// <param name="LastMessageAt">When its last gossip message was taken in (null: none yet).</param>
/// <param name="Received">Messages taken in from it, by kind.</param>
/// <param name="Accepted">Of those, the ones stored (new, or newer than what was held), by kind.</param>
public sealed record GossipPeerSync(
    NodeId Peer,
    GossipPeerSyncState State,
    uint FirstTimestamp,
    DateTimeOffset AskedAt,
    DateTimeOffset Since,
    DateTimeOffset? LastMessageAt,
    GossipCounts Received,
    GossipCounts Accepted)
{
    /// <summary>
    /// How long the peer's answer took: to now while it is still answering, to its last message once done (to when it
    /// was found quiet if it sent none), to its disconnection if it left.
    /// </summary>
    public TimeSpan Duration(DateTimeOffset now) => State switch
    {
        GossipPeerSyncState.Requested or GossipPeerSyncState.Receiving => now,
        GossipPeerSyncState.Done => LastMessageAt ?? Since,
        _ => Since,
    } - AskedAt;
}
