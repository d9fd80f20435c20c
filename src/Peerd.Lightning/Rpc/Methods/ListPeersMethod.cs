using System.Text.Json.Nodes;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.Rpc;
using Peerd.Rpc.Dispatch;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>listpeers [id] [level]</c> in Core Lightning's shape, plus two extensions users asked for: attempts in
/// progress appear as <c>connected: false</c> entries with a <c>connecting</c> object (stage, address, failures so
/// far), and <c>feature_names=true</c> adds the decoded names next to the hex.
/// </summary>
public static class ListPeersMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(PeerManager peers) => new(
        "listpeers",
        [.. ListPeersParameters.Spec, RpcParameter.NamedOnly("feature_names", BoolCheck)],
        (call, cancellationToken) =>
        {
            var request = ListPeersParameters.Read(call.Parameters);
            var names = call.Parameters.TryGet("feature_names", out var flag) && flag.ValueKind == System.Text.Json.JsonValueKind.True;
            var filter = request.NodeId;
            var list = new JsonArray();
            foreach (var connection in peers.Peers.OrderBy(p => p.NodeId.ToString(), StringComparer.Ordinal))
            {
                if (filter is null || connection.NodeId == filter)
                {
                    list.Add(Describe(connection, peers, names));
                }
            }

            foreach (var attempt in peers.Attempts.OrderBy(a => a.NodeId.ToString(), StringComparer.Ordinal))
            {
                if ((filter is null || attempt.NodeId == filter) && !peers.TryGetPeer(attempt.NodeId, out _))
                {
                    list.Add(Describe(attempt));
                }
            }

            return ValueTask.FromResult(RpcResult.Success(new JsonObject { ["peers"] = list }));
        },
        RpcParameterChecking.ByDispatcher);

    private static RpcError? BoolCheck(string name, System.Text.Json.JsonElement value) =>
        value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? null : ParameterErrors.NotABool(name);

    private static JsonObject Describe(PeerConnection connection, PeerManager peers, bool names)
    {
        var peer = new JsonObject
        {
            ["id"] = connection.NodeId.ToString(),
            ["connected"] = true,
            ["num_channels"] = 0,
            ["netaddr"] = new JsonArray(connection.RemoteEndpoint.ToString()),
            ["features"] = connection.Features.ToHex(),
        };
        if (names)
        {
            peer["feature_names"] = new JsonArray([.. Feature.Describe(connection.Features).Select(n => JsonValue.Create(n))]);
        }

        peer["direction"] = connection.Direction == PeerDirection.In ? "in" : "out";
        if (peers.RoundTrip(connection.NodeId) is { } rtt)
        {
            peer["ping_ms"] = Math.Round(rtt.TotalMilliseconds, 3);
        }

        return peer;
    }

    private static JsonObject Describe(ConnectAttempt attempt) => new()
    {
        ["id"] = attempt.NodeId.ToString(),
        ["connected"] = false,
        ["num_channels"] = 0,
        ["connecting"] = new JsonObject
        {
            ["address"] = attempt.CurrentAddress?.ToString(),
            ["stage"] = attempt.CurrentStage,
            ["since"] = attempt.Started.ToUnixTimeMilliseconds() / 1000.0,
            ["failures"] = new JsonArray([.. attempt.Failures.Select(f => JsonValue.Create(f.ToString()))]),
        },
    };
}
