using Peerd.Lightning.Gossip;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Rpc.Methods;
using Peerd.Rpc.Dispatch;

namespace Peerd.Lightning.Rpc;

/// <summary>Registers the Core Lightning–compatible methods, one place per method (see <c>docs/rpc/</c>).</summary>
public static class LightningRpc
{
    /// <summary>Registers every Lightning method on <paramref name="dispatcher"/> (<c>listnodes</c> and connect-by-id need the address book, <c>listchannels</c> the graph).</summary>
    public static void Register(RpcDispatcher dispatcher, PeerManager peers, NodeInfo info, Action stop, AddressBook? book = null, ConnectOptions? connect = null, ChannelGraph? graph = null)
    {
        dispatcher.Register(GetInfoMethod.Create(peers, info, graph));
        if (graph is not null)
        {
            dispatcher.Register(ListChannelsMethod.Create(graph));
        }

        dispatcher.Register(ListPeersMethod.Create(peers));
        if (book is not null)
        {
            dispatcher.Register(ListNodesMethod.Create(book));
        }

        dispatcher.Register(ConnectMethod.Create(peers, book is null ? null : book.AddressesFor, connect ?? new ConnectOptions()));
        dispatcher.Register(DisconnectMethod.Create(peers));
        dispatcher.Register(HelpMethod.Create(dispatcher));
        dispatcher.Register(StopMethod.Create(stop));
    }
}
