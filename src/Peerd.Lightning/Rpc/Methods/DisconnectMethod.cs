using System.Text.Json.Nodes;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>disconnect id [force]</c>: closes the connection (or cancels an attempt in flight, whose callers get 402) and
/// answers <c>{}</c> once it is closed; an unknown peer is <c>-32602 Unknown peer '&lt;id&gt;'</c>.
/// </summary>
public static class DisconnectMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(PeerManager peers) => new(
        "disconnect",
        DisconnectParameters.Spec,
        async (call, _) =>
        {
            if (!DisconnectParameters.TryParse(call.Parameters, id => IsKnown(peers, id), out var request, out var error))
            {
                return error;
            }

            if (call.IsCheckOnly)
            {
                return call.CheckDone();
            }

            await peers.DisconnectAsync(request.NodeId).ConfigureAwait(false);
            return RpcResult.Success(new JsonObject());
        },
        RpcParameterChecking.ByMethod)
    { HandlesCheckOnly = true };

    private static bool IsKnown(PeerManager peers, NodeId nodeId)
    {
        return peers.TryGetPeer(nodeId, out _) || peers.Attempts.Any(a => a.NodeId == nodeId);
    }
}
