using Peerd.Lightning.Node;

namespace Peerd.Lightning.Peers.Policies;

/// <summary>What is known of a connection when the rule runs.</summary>
/// <param name="Direction">Who dialled.</param>
/// <param name="ConnectedAt">When it completed <c>init</c>.</param>
/// <param name="StartedAt">When its handshake began (a <see cref="TimeProvider"/> timestamp).</param>
public readonly record struct ConnectionFacts(PeerDirection Direction, DateTimeOffset ConnectedAt, long StartedAt);

/// <summary>The rule's verdict on a newly initialised connection to a node that already has one.</summary>
public enum CrossedConnectionVerdict
{
    /// <summary>The new connection replaces the existing one (a reconnect: the old one is presumed dead).</summary>
    Replace,

    /// <summary>Crossed connects: the existing connection is the one both ends keep; the new one is closed.</summary>
    RefuseCrossed,

    /// <summary>The existing connection's handshake began later (it is the reconnect); the new one merely finished last and is closed.</summary>
    RefuseOlder,
}

/// <summary>
/// Which of two connections to one node survives, decided the same way on both ends. Crossed connects (one each way,
/// the existing one younger than the window): the connection opened by the node with the greater id. A second
/// connection in the same direction is a reconnect and replaces the old one, as in Core Lightning — unless the old
/// one's handshake began later (it is the newer connection that merely finished first). Pure: no clock, no state.
/// </summary>
public static class CrossedConnectionRule
{
    /// <summary>Decides between the existing connection and the incoming one.</summary>
    /// <param name="existing">The connection held for the node.</param>
    /// <param name="incoming">The connection that just completed <c>init</c>.</param>
    /// <param name="now">Now.</param>
    /// <param name="window">How young the existing connection must be for the two to count as crossed.</param>
    /// <param name="ourId">Our node id.</param>
    /// <param name="peerId">The other node's id.</param>
    public static CrossedConnectionVerdict Resolve(ConnectionFacts existing, ConnectionFacts incoming, DateTimeOffset now, TimeSpan window, NodeId ourId, NodeId peerId)
    {
        if (existing.Direction != incoming.Direction && now - existing.ConnectedAt < window && existing.Direction == SurvivingDirection(ourId, peerId))
        {
            return CrossedConnectionVerdict.RefuseCrossed;
        }

        if (existing.Direction == incoming.Direction && existing.StartedAt > incoming.StartedAt)
        {
            return CrossedConnectionVerdict.RefuseOlder;
        }

        return CrossedConnectionVerdict.Replace;
    }

    /// <summary>True when, between two crossed connections with <paramref name="peerId"/>, the one we opened is kept.</summary>
    public static bool OurDialWins(NodeId ourId, NodeId peerId) => string.CompareOrdinal(ourId.ToString(), peerId.ToString()) > 0;

    /// <summary>The close reason the losing connection is given.</summary>
    public static string Reason(CrossedConnectionVerdict verdict) => verdict switch
    {
        CrossedConnectionVerdict.Replace => "replaced by a new connection",
        CrossedConnectionVerdict.RefuseCrossed => "crossed connection: keeping the other one",
        _ => "replaced by a newer connection",
    };

    private static PeerDirection SurvivingDirection(NodeId ourId, NodeId peerId) => OurDialWins(ourId, peerId) ? PeerDirection.Out : PeerDirection.In;
}
