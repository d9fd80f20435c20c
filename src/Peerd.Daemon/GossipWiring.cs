using Peerd.Lightning.Gossip;
using Peerd.Lightning.Peers;

namespace Peerd.Daemon;

/// <summary>
/// How a node's peers feed its gossip and its address book: one home for the daemon's node and the start-up warm-up's
/// throwaway nodes (<see cref="ConnectPathWarmUp"/>), so the warm-up runs what a real connection runs.
/// </summary>
internal static class GossipWiring
{
    /// <summary>
    /// Reads wait for the peer's gossip batch to be ingested; messages go to the gossip responder; an outbound peer's
    /// address is remembered; gossip is told of each peer's arrival and departure.
    /// </summary>
    public static void Attach(PeerManager peers, GossipNode gossip, AddressBook book)
    {
        peers.ReadGate = (connection, cancellationToken) => gossip.Ingest.FlushAsync(connection.NodeId, cancellationToken);
        peers.MessageReceived += (connection, message) => gossip.Responder.Handle(PeerOf(connection), message);
        peers.PeerConnected += connection =>
        {
            if (connection.Direction == PeerDirection.Out)
            {
                book.RememberConnected(connection.NodeId, connection.RemoteEndpoint);
            }

            gossip.OnConnected(PeerOf(connection));
            _ = connection.Closed.ContinueWith(_ => gossip.OnDisconnected(connection.NodeId), TaskScheduler.Default);
        };
    }

    private static GossipPeer PeerOf(PeerConnection connection) =>
        new(connection.NodeId, connection.TrySend, connection.SendAsync, connection.ClosedToken);
}
