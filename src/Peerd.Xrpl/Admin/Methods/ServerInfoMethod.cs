using System.Globalization;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin.Methods;

/// <summary>
/// <c>server_info</c> (anyone): what this node can say honestly — it keeps no ledger, so there is no ledger or load
/// information, and <c>server_state</c> is <c>connected</c> with peers and <c>disconnected</c> without.
/// </summary>
internal sealed class ServerInfoMethod(AdminContext node) : RpcMethod
{
    public override string Name => "server_info";

    public override bool AdminOnly => false;

    public override Task<JsonObject> InvokeAsync(RpcCall call, CancellationToken cancellationToken)
    {
        var peers = node.Overlay.Peers.Count;
        var now = node.Time.GetUtcNow();
        var info = new JsonObject
        {
            ["build_version"] = node.Version,
            ["complete_ledgers"] = "empty",
            ["peers"] = peers,
            ["pubkey_node"] = node.Identity.PublicKey.ToBase58(),
            ["server_state"] = peers > 0 ? "connected" : "disconnected",
            ["time"] = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyy-MMM-dd HH:mm:ss.ffffff} UTC"),
            ["uptime"] = (long)node.Uptime.TotalSeconds,
            ["peer_disconnects"] = node.Overlay.PeerDisconnects.ToString(CultureInfo.InvariantCulture),
        };
        if (node.Options.NetworkId is { } networkId)
        {
            info["network_id"] = networkId;
        }

        if (node.Options.Standalone)
        {
            info["standalone"] = true;
        }

        if (node.Options.Reporting)
        {
            info["reporting"] = true;
        }

        if (call.Role == RpcRole.Admin)
        {
            info["hostid"] = Environment.MachineName;
            var ports = new JsonArray();
            if (node.AdminEndpoint is { } admin)
            {
                ports.Add(new JsonObject { ["port"] = admin.Port.ToString(CultureInfo.InvariantCulture), ["protocol"] = new JsonArray("http", "ws") });
            }

            if (node.Overlay.PeerEndpoint is { } peer)
            {
                ports.Add(new JsonObject { ["port"] = peer.Port.ToString(CultureInfo.InvariantCulture), ["protocol"] = new JsonArray("peer") });
            }

            info["ports"] = ports;
        }

        return Task.FromResult(new JsonObject { ["info"] = info });
    }
}
