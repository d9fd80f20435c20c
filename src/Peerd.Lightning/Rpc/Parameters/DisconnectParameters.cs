using System.Text.Json;
using Peerd.Lightning.Node;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;
using Peerd.ClnRpc;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// The parameters of <c>disconnect id [force]</c>, checked as Core Lightning's <c>json_disconnect</c> does: the id
/// must parse (<c>id: invalid peer id: …</c>) and name a peer we know (<c>Unknown peer '&lt;id&gt;'</c>), checked as
/// the id is met; <c>force</c> must be the JSON literal <c>true</c> or <c>false</c>.
/// </summary>
/// <remarks>
/// Register with <see cref="RpcParameterChecking.ByMethod"/>: the peer lookup happens in request order, so
/// <c>{"force":"x","id":…}</c> reports <c>force</c> and <c>{"id":…,"force":"x"}</c> reports an unknown peer first.
/// The later checks (<c>-1</c> <c>Peer not connected</c>, channels) are the caller's.
/// </remarks>
public static class DisconnectParameters
{
    /// <summary>The parameter list: <c>id</c> (required), <c>force</c>.</summary>
    public static IReadOnlyList<RpcParameter> Spec { get; } =
        [RpcParameter.Required("id"), RpcParameter.Optional("force")];

    /// <summary>Checks the bound parameters of a call.</summary>
    /// <param name="parameters">The call's parameters, bound to <see cref="Spec"/>.</param>
    /// <param name="isKnownPeer">Whether we have a record of this node id (connected or not).</param>
    /// <param name="request">The validated request.</param>
    /// <param name="error">The error to answer.</param>
    public static bool TryParse(
        RpcParameters parameters,
        Func<NodeId, bool> isKnownPeer,
        out DisconnectRequest request,
        out RpcError error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(isKnownPeer);
        request = null!;
        NodeId? nodeId = null;
        var force = false;
        foreach (var argument in parameters.Given)
        {
            var failure = argument.Name switch
            {
                "id" => ReadPeer(argument.Value, isKnownPeer, ref nodeId),
                "force" => ReadBool(argument, ref force),
                _ => throw new ArgumentException($"'{argument.Name}' is not a disconnect parameter"),
            };
            if (failure is not null)
            {
                error = failure;
                return false;
            }
        }

        if (parameters.Completion is { } completion)
        {
            error = completion;
            return false;
        }

        request = new DisconnectRequest(nodeId!.Value, force);
        error = null!;
        return true;
    }

    /// <summary>Core Lightning's <c>json_to_bool</c>: only the literals <c>true</c> and <c>false</c>.</summary>
    internal static RpcError? ReadBool(RpcArgument argument, ref bool value)
    {
        switch (argument.Value.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return null;
            case JsonValueKind.False:
                value = false;
                return null;
            default:
                return ParameterErrors.NotABool(argument.Name);
        }
    }

    private static RpcError? ReadPeer(JsonElement value, Func<NodeId, bool> isKnownPeer, ref NodeId? nodeId)
    {
        var text = RawJson.Content(value);
        if (!NodeIdText.TryParse(text, out var id))
        {
            return ParameterErrors.InvalidPeerId("id");
        }

        if (!isKnownPeer(id))
        {
            return ParameterErrors.UnknownPeer(text);
        }

        nodeId = id;
        return null;
    }
}
