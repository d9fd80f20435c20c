using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.Rpc;
using Peerd.Rpc.Dispatch;
using Peerd.Rpc.Protocol;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary><c>listnodes [id]</c>: what the address book knows, in Core Lightning's shape.</summary>
public static class ListNodesMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(AddressBook book) => new(
        "listnodes",
        [RpcParameter.Optional("id", ListPeersParameters.NodeIdCheck)],
        (call, cancellationToken) =>
        {
            NodeId? filter = null;
            if (call.Parameters.TryGet("id", out var value) && NodeId.TryParse(RawJson.Content(value), out var id))
            {
                filter = id;
            }

            return ValueTask.FromResult(RpcResult.Success(ListNodesJson.Build(book.List(filter))));
        });
}
