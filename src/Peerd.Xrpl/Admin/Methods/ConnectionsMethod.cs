using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary>
/// <c>connections</c> (admin, ours): recent and in-progress connection attempts, newest first, with their stage,
/// outcome and failure reason — what rippled only writes to its DEBUG log.
/// </summary>
internal sealed class ConnectionsMethod(AdminContext node) : RpcMethod
{
    public override string Name => "connections";

    public override bool AdminOnly => true;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        JsonArray list = [.. node.Overlay.Attempts.Snapshot().Select(a => (JsonNode)AdminJson.Attempt(a))];
        return Task.FromResult(new JsonObject { ["connections"] = list });
    }
}
