using Peerd.Lightning.Gossip;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Rpc.Methods;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Methods;

namespace Peerd.Lightning.Rpc;

/// <summary>Registers the Core Lightning–compatible methods, one place per method (see <c>docs/rpc/</c>).</summary>
public static class LightningRpc
{
    /// <summary>
    /// Registers every Lightning method on <paramref name="dispatcher"/>, and Core Lightning's <c>notifications</c> and
    /// <c>check</c> (<c>listnodes</c> and connect-by-id need the address book; <c>listpeers</c>' <c>log</c>, the peer log
    /// book; <c>listchannels</c>, the graph; <c>getinfo</c>'s <c>gossip_sync</c>, the sync's progress).
    /// </summary>
    public static void Register(
        RpcDispatcher dispatcher, PeerManager peers, NodeInfo info, Action stop, AddressBook? book = null, ConnectOptions? connect = null, PeerLogBook? log = null, ChannelGraph? graph = null, GossipSyncProgress? sync = null)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        dispatcher.Register(NotificationsMethod.Create());
        dispatcher.Register(CheckMethod.Create(dispatcher));
        dispatcher.Register(GetInfoMethod.Create(peers, info, graph, sync));
        if (graph is not null)
        {
            dispatcher.Register(ListChannelsMethod.Create(graph));
        }

        dispatcher.Register(ListPeersMethod.Create(peers, log));
        if (book is not null)
        {
            dispatcher.Register(ListNodesMethod.Create(book, graph));
        }

        dispatcher.Register(ConnectMethod.Create(peers, book is null ? null : book.AddressesFor, connect ?? new ConnectOptions()));
        dispatcher.Register(DisconnectMethod.Create(peers));
        dispatcher.Register(HelpMethod.Create(dispatcher));
        dispatcher.Register(StopMethod.Create(stop));
    }
}
