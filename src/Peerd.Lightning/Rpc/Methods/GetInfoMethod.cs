using System.Text.Json.Nodes;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Transport;
using Peerd.Primitives;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>
/// <c>getinfo</c>: Core Lightning's keys, in its order (channel counts are 0: Peerd opens no channels). Core Lightning's
/// schema allows no other key, so Peerd's own (the graph's size, and that funding outputs are not checked on-chain)
/// come only with <c>details=true</c> (named only), as <c>listpeers</c>' extensions do: the graph's size, the funding
/// warning, then <c>gossip_sync</c> (how the sync from each asked peer is going).
/// </summary>
public static class GetInfoMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(PeerManager peers, NodeInfo info, Gossip.ChannelGraph? graph = null, Gossip.GossipSyncProgress? sync = null) => new("getinfo", [RpcParameter.NamedOnly("details", DetailsCheck)], (call, _) =>
    {
        var local = info.Local;
        var address = new JsonArray();
        foreach (var text in info.Announced)
        {
            foreach (var endpoint in AnnouncedEndpoints(text, local.Network.DefaultPort))
            {
                address.Add(AddressJson.From(endpoint));
            }
        }

        var binding = new JsonArray();
        foreach (var endpoint in info.Bindings)
        {
            binding.Add(AddressJson.From(endpoint));
        }

        var result = new JsonObject
        {
            ["id"] = local.Id.ToString(),
            ["alias"] = info.Alias,
            ["color"] = Hex.Encode(info.Color),
            ["num_peers"] = peers.ConnectedCount,
            ["num_pending_channels"] = 0,
            ["num_active_channels"] = 0,
            ["num_inactive_channels"] = 0,
            ["address"] = address,
            ["binding"] = binding,
            ["version"] = info.Version,
            ["blockheight"] = 0,
            ["network"] = local.Network.Name,
            ["fees_collected_msat"] = 0,
            ["lightning-dir"] = Path.Combine(info.LightningDir, local.Network.Name),
            ["our_features"] = new JsonObject
            {
                ["init"] = local.InitFeatures.ToHex(),
                ["node"] = Peerd.Lightning.Protocol.Features.OurFeatures.Node.ToHex(),
                ["channel"] = "",
                ["invoice"] = "",
            },
        };
        if (graph is not null && call.Parameters.TryGet("details", out var details) && details.ValueKind == System.Text.Json.JsonValueKind.True)
        {
            // Not in Core Lightning's getinfo: the graph's size, and (beside where it reports chain warnings) that
            // funding outputs are not checked (when no chain source is configured).
            result["num_gossip_channels"] = graph.ChannelCount;
            result["num_gossip_nodes"] = graph.NodeCount;
            if (!graph.FundingOutputsChecked)
            {
                result["warning_gossip_unverified"] = Gossip.ChannelGraph.ChainWarning;
            }

            if (sync is not null)
            {
                result["gossip_sync"] = GossipSyncJson.From(sync);
            }
        }

        return ValueTask.FromResult(RpcResult.Success(result));
    });

    private static RpcError? DetailsCheck(string name, System.Text.Json.JsonElement value) =>
        value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? null : Parameters.ParameterErrors.NotABool(name);

    private static IEnumerable<PeerEndpoint> AnnouncedEndpoints(string text, int defaultPort)
    {
        if (Parameters.AddressSplitter.TrySplit(text, out var host, out var port))
        {
            var p = port ?? defaultPort;
            if (System.Net.IPAddress.TryParse(host, out var ip))
            {
                return [PeerEndpoint.FromIp(ip, p)];
            }

            return host.EndsWith(".onion", StringComparison.OrdinalIgnoreCase) ? [PeerEndpoint.TorV3(host, p)] : [PeerEndpoint.DnsName(host, p)];
        }

        return [];
    }
}
