using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Peerd.Xrpl.Hosting;

namespace Peerd.Xrpl.Admin;

/// <summary>Finds and runs methods; the transports (HTTP JSON-RPC, WebSocket) only build envelopes around it.</summary>
internal sealed class RpcDispatcher
{
    private readonly Dictionary<string, RpcMethod> _methods;
    private readonly ILogger _log;

    public RpcDispatcher(IEnumerable<RpcMethod> methods, ILogger log)
    {
        _methods = methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
        _log = log;
    }

    /// <summary>Method names, sorted.</summary>
    public IEnumerable<string> Names => _methods.Keys.Order(StringComparer.Ordinal);

    /// <summary>rippled <c>roleRequired</c>: true for admin methods; unknown methods need no role (they fail later).</summary>
    public bool RequiresAdmin(string? method) => method is not null && _methods.TryGetValue(method, out var m) && m.AdminOnly;

    public async Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        if (!_methods.TryGetValue(call.Method, out var method))
        {
            return RpcError.UnknownCommand.ToJson();
        }

        if (method.AdminOnly && call.Role != RpcRole.Admin)
        {
            return RpcError.NoPermission.ToJson();
        }

        try
        {
            return await method.InvokeAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException or FormatException or NotSupportedException)
        {
            XrplLog.AdminInternalError(_log, call.Method, e.Message);
            return RpcError.Internal.ToJson();
        }
    }
}
