using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin;

/// <summary>How the request arrived; some answers differ (rippled's <c>ping</c> says <c>unlimited</c> only on WebSocket).</summary>
internal enum RpcTransport
{
    /// <summary>JSON-RPC over HTTP POST.</summary>
    Http,

    /// <summary>A WebSocket message.</summary>
    WebSocket,
}

/// <summary>One method call: its parameters (with <c>command</c> set), the caller's role and transport.</summary>
internal sealed class RpcCall(string method, JsonObject parameters, RpcRole role, RpcTransport transport, string remote)
{
    public string Method { get; } = method;

    public JsonObject Params { get; } = parameters;

    public RpcRole Role { get; } = role;

    public RpcTransport Transport { get; } = transport;

    /// <summary>The client's <c>ip:port</c>, for logs.</summary>
    public string Remote { get; } = remote;

    /// <summary>The WebSocket connection's stream subscriber; null over HTTP.</summary>
    public Streams.StreamSubscriber? Subscriber { get; init; }

    /// <summary>Runs once the response has been written (<c>stop</c> uses it so the caller gets its answer first).</summary>
    public Action? AfterResponse { get; set; }
}

/// <summary>One admin-API method.</summary>
internal abstract class RpcMethod
{
    /// <summary>The method name, e.g. <c>connect</c>.</summary>
    public abstract string Name { get; }

    /// <summary>True for admin-only methods (rippled <c>Role::ADMIN</c>).</summary>
    public abstract bool AdminOnly { get; }

    /// <summary>Runs the method; returns the result object, or an error object (<see cref="RpcError.ToJson"/>).</summary>
    public abstract Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken);
}
