using Peerd.Lightning.Node;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;
using Peerd.ClnRpc;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// The parameters of <c>listpeers [id] [level]</c>, checked as Core Lightning's <c>json_listpeers</c> does:
/// <c>id</c> with <c>param_node_id</c>, <c>level</c> with <c>param_loglevel</c>.
/// </summary>
public static class ListPeersParameters
{
    /// <summary>
    /// Log level names (<c>common/status_levels.c</c>), compared without case; <c>error</c> and <c>warn</c> are
    /// accepted as <c>broken</c> and <c>unusual</c>.
    /// </summary>
    private static readonly (string Name, string Level)[] Levels =
    [
        ("io", "io"), ("trace", "trace"), ("debug", "debug"), ("info", "info"), ("unusual", "unusual"),
        ("broken", "broken"), ("error", "broken"), ("warn", "unusual"),
    ];

    /// <summary>The parameter list: <c>id</c>, <c>level</c> (both optional), with their value checks.</summary>
    public static IReadOnlyList<RpcParameter> Spec { get; } =
    [
        RpcParameter.Optional("id", NodeIdCheck),
        RpcParameter.Optional("level", (name, value) => ParseLevel(RawJson.Content(value)) is null ? ParameterErrors.NotALogLevel(name) : null),
    ];

    /// <summary>
    /// A value check for any node id parameter (<c>param_node_id</c>), e.g. <c>listnodes [id]</c>:
    /// <c>&lt;name&gt;: should be a node id: invalid token (see logs for details)</c>.
    /// </summary>
    public static RpcError? NodeIdCheck(string name, System.Text.Json.JsonElement value) =>
        NodeIdText.TryParse(RawJson.Content(value), out _) ? null : ParameterErrors.NotANodeId(name);

    /// <summary>
    /// Reads parameters already checked by the dispatcher (the method is registered with
    /// <see cref="RpcParameterChecking.ByDispatcher"/>, so errors were answered before the method ran).
    /// </summary>
    public static ListPeersRequest Read(RpcParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        NodeId? nodeId = null;
        if (parameters.TryGet("id", out var id))
        {
            nodeId = NodeIdText.TryParse(RawJson.Content(id), out var parsed)
                ? parsed
                : throw new InvalidOperationException("listpeers: the id was not checked; register with ByDispatcher.");
        }

        var level = parameters.TryGet("level", out var raw) ? ParseLevel(RawJson.Content(raw)) : null;
        return new ListPeersRequest(nodeId, level);
    }

    /// <summary>The canonical level for a name, or null.</summary>
    public static string? ParseLevel(string text)
    {
        foreach (var (name, level) in Levels)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        return null;
    }
}
