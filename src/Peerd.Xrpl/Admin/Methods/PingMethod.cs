using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary><c>ping</c> (anyone): an empty result; admins get <c>"role":"admin"</c>, and on WebSocket <c>"unlimited":true</c>.</summary>
internal sealed class PingMethod : RpcMethod
{
    public override string Name => "ping";

    public override bool AdminOnly => false;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        var result = new JsonObject();
        if (call.Role == RpcRole.Admin)
        {
            result["role"] = "admin";

            // "This is only accessible on ws sessions."
            if (call.Transport == RpcTransport.WebSocket)
            {
                result["unlimited"] = true;
            }
        }

        return Task.FromResult(result);
    }
}
