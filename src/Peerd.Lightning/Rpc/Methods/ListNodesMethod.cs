using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>listnodes [id]</c>: the graph's nodes (each with a channel) and the nodes we connected to, in Core Lightning's
/// shape, ordered by id, streamed to the client a piece at a time (<see cref="ListNodesCursor"/>).
/// </summary>
public static class ListNodesMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(AddressBook book, ChannelGraph? graph = null) => new(
        "listnodes",
        [RpcParameter.Optional("id", ListPeersParameters.NodeIdCheck)],
        (call, cancellationToken) =>
        {
            NodeId? filter = null;
            if (call.Parameters.TryGet("id", out var value) && NodeId.TryParse(RawJson.Content(value), out var id))
            {
                filter = id;
            }

            var cursor = new ListNodesCursor(book, graph, ListNodesCursor.Ids(book, graph, filter));
            return ValueTask.FromResult(RpcResult.StreamedArray(ListNodesJson.Member, cursor.WriteNext));
        });
}
