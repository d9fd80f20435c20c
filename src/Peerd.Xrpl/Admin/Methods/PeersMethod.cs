using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary><c>peers</c> (admin): <c>{"cluster":{},"peers":[…]}</c>, with <c>peers</c> null when there are none (as rippled).</summary>
internal sealed class PeersMethod(AdminContext node) : RpcMethod
{
    public override string Name => "peers";

    public override bool AdminOnly => true;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        if (node.Options.Reporting)
        {
            return Task.FromResult(RpcError.ReportingUnsupported.ToJson());
        }

        var peers = node.Overlay.Peers;
        JsonArray? list = peers.Count == 0 ? null : [.. peers.Select(p => (JsonNode)Describe(p))];
        return Task.FromResult(new JsonObject { ["cluster"] = new JsonObject(), ["peers"] = list });
    }

    private JsonObject Describe(Overlay.XrplPeer peer)
    {
        var json = AdminJson.Peer(peer, node.Time);
        node.Tracker?.DescribePeer(peer, json);
        return json;
    }
}
