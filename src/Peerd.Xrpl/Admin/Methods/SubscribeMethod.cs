using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Admin.Streams;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary>
/// <c>subscribe</c> / <c>unsubscribe</c> (WebSocket only): the <c>validations</c> and <c>manifests</c> streams for
/// anyone, <c>peer_status</c> for admins. Other rippled streams need a ledger Peerd does not keep: malformedStream.
/// </summary>
internal sealed class SubscribeMethod(bool subscribe) : RpcMethod
{
    public override string Name => subscribe ? "subscribe" : "unsubscribe";

    public override bool AdminOnly => false;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        if (call.Subscriber is not { } subscriber)
        {
            return Task.FromResult(RpcError.NotSupported.ToJson("Subscriptions need a WebSocket connection."));
        }

        var streams = new List<string>();
        if (call.Params.TryGetPropertyValue("streams", out var node))
        {
            if (node is not JsonArray array)
            {
                return Task.FromResult(RpcError.InvalidParams.ToJson());
            }

            foreach (var item in array)
            {
                if (item?.GetValueKind() != JsonValueKind.String)
                {
                    return Task.FromResult(RpcError.MalformedStream.ToJson());
                }

                var name = item.GetValue<string>();
                if (StreamHub.AdminOnly.Contains(name) && call.Role != RpcRole.Admin)
                {
                    return Task.FromResult(RpcError.NoPermission.ToJson());
                }

                if (!StreamHub.Public.Contains(name) && !StreamHub.AdminOnly.Contains(name))
                {
                    return Task.FromResult(RpcError.MalformedStream.ToJson());
                }

                streams.Add(name);
            }
        }

        if (subscribe)
        {
            subscriber.Add(streams);
        }
        else
        {
            subscriber.Remove(streams);
        }

        return Task.FromResult(new JsonObject());
    }
}
