using Peerd.Lightning.Node;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// A connected peer as gossip sees it: its id and how to send to it, so gossip needs nothing of the peer layer.
/// </summary>
/// <param name="Id">The peer's node id.</param>
/// <param name="TrySend">Queues one message now (a small answer or a warning); false when the peer is not reading.</param>
/// <param name="SendAsync">Queues one message, waiting for room (bulk: dumps and query answers).</param>
/// <param name="Closed">Cancelled when the connection closes.</param>
public sealed record GossipPeer(NodeId Id, Func<byte[], bool> TrySend, Func<byte[], CancellationToken, ValueTask> SendAsync, CancellationToken Closed);
