using System.Text.Json.Nodes;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>listpeers [id] [level]</c> in Core Lightning's shape: <c>id</c>, <c>connected</c>, <c>num_channels</c>,
/// <c>netaddr</c>, <c>features</c>, and with <c>level</c> the peer's <c>log</c> entries (see <see cref="PeerLogBook"/>).
/// Core Lightning's schema allows nothing else on a connected peer, so the extensions users asked for are opt-in
/// (named only): <c>details=true</c> adds <c>direction</c> and <c>ping_ms</c>, <c>feature_names=true</c> the decoded
/// feature names. Attempts in progress appear as <c>connected: false</c> entries with a <c>connecting</c> object
/// (stage, address, failures so far), which the schema allows on a peer that is not connected.
/// </summary>
public static class ListPeersMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(PeerManager peers, PeerLogBook? log = null) => new(
        "listpeers",
        [.. ListPeersParameters.Spec, RpcParameter.NamedOnly("feature_names", BoolCheck), RpcParameter.NamedOnly("details", BoolCheck)],
        (call, cancellationToken) =>
        {
            var request = ListPeersParameters.Read(call.Parameters);
            var names = IsTrue(call, "feature_names");
            var details = IsTrue(call, "details");
            var filter = request.NodeId;
            var list = new JsonArray();
            foreach (var connection in peers.Peers.OrderBy(p => p.NodeId.ToString(), StringComparer.Ordinal))
            {
                if (filter is null || connection.NodeId == filter)
                {
                    list.Add(Describe(connection, peers, names, details, Log(log, connection.NodeId, request.Level)));
                }
            }

            foreach (var attempt in peers.Attempts.OrderBy(a => a.NodeId.ToString(), StringComparer.Ordinal))
            {
                if ((filter is null || attempt.NodeId == filter) && !peers.TryGetPeer(attempt.NodeId, out _))
                {
                    list.Add(Describe(attempt, Log(log, attempt.NodeId, request.Level)));
                }
            }

            return ValueTask.FromResult(RpcResult.Success(new JsonObject { ["peers"] = list }));
        },
        RpcParameterChecking.ByDispatcher);

    private static RpcError? BoolCheck(string name, System.Text.Json.JsonElement value) =>
        value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? null : ParameterErrors.NotABool(name);

    private static bool IsTrue(RpcCall call, string name) =>
        call.Parameters.TryGet(name, out var flag) && flag.ValueKind == System.Text.Json.JsonValueKind.True;

    /// <summary>The <c>log</c> array for <c>level</c> (null without one): <c>json_add_log</c>'s entries.</summary>
    private static JsonArray? Log(PeerLogBook? book, NodeId id, string? level)
    {
        if (level is null)
        {
            return null;
        }

        var entries = new JsonArray();
        foreach (var (skipped, entry) in book?.Read(id, MinimumLevel(level)) ?? [])
        {
            if (skipped > 0)
            {
                entries.Add(new JsonObject { ["type"] = "SKIPPED", ["num_skipped"] = skipped });
            }

            if (entry is not null)
            {
                entries.Add(new JsonObject
                {
                    ["type"] = entry.Type,
                    ["time"] = entry.Time,
                    ["node_id"] = id.ToString(),
                    ["source"] = entry.Source,
                    ["log"] = entry.Log,
                });
            }
        }

        return entries;
    }

    private static Microsoft.Extensions.Logging.LogLevel MinimumLevel(string level) => level switch
    {
        "io" or "trace" => Microsoft.Extensions.Logging.LogLevel.Trace,
        "debug" => Microsoft.Extensions.Logging.LogLevel.Debug,
        "info" => Microsoft.Extensions.Logging.LogLevel.Information,
        "unusual" => Microsoft.Extensions.Logging.LogLevel.Warning,
        _ => Microsoft.Extensions.Logging.LogLevel.Error,
    };

    private static JsonObject Describe(PeerConnection connection, PeerManager peers, bool names, bool details, JsonArray? log)
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

        if (details)
        {
            peer["direction"] = connection.Direction == PeerDirection.In ? "in" : "out";
            if (peers.RoundTrip(connection.NodeId) is { } rtt)
            {
                peer["ping_ms"] = Math.Round(rtt.TotalMilliseconds, 3);
            }
        }

        if (log is not null)
        {
            peer["log"] = log;
        }

        return peer;
    }

    private static JsonObject Describe(ConnectAttempt attempt, JsonArray? log)
    {
        var entry = Describe(attempt);
        if (log is not null)
        {
            entry["log"] = log;
        }

        return entry;
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
