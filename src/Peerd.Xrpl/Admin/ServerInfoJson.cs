using System.Globalization;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin;

/// <summary>
/// The <c>info</c> object of <c>server_info</c>: what this node can say honestly — it keeps no ledger, so there is no
/// load information and <c>complete_ledgers</c> is empty; it does follow the validated ledger from its trusted
/// validators, so <c>validated_ledger</c> (seq, hash, age), <c>validation_quorum</c> and <c>server_state</c>
/// <c>tracking</c> (a current validated ledger) are reported, else <c>connected</c> with peers, <c>disconnected</c>
/// without.
/// The peer port's <c>/crawl</c> and <c>/health</c> read the non-admin form.
/// </summary>
internal static class ServerInfoJson
{
    /// <summary>Builds the object; <paramref name="admin"/> adds <c>hostid</c> and <c>ports</c>.</summary>
    public static JsonObject Build(AdminContext node, bool admin)
    {
        var peers = node.Overlay.Peers.Count;
        var now = node.Time.GetUtcNow();
        var info = new JsonObject
        {
            ["build_version"] = node.Version,
            ["complete_ledgers"] = "empty",
            ["peers"] = peers,
            ["pubkey_node"] = node.Identity.PublicKey.ToBase58(),
            ["server_state"] = peers == 0 ? "disconnected" : Fresh(node, now) ? "tracking" : "connected",
            ["time"] = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyy-MMM-dd HH:mm:ss.ffffff} UTC"),
            ["uptime"] = (long)node.Uptime.TotalSeconds,
            ["peer_disconnects"] = node.Overlay.PeerDisconnects.ToString(CultureInfo.InvariantCulture),
        };
        if (node.Tracker is { } tracker)
        {
            if (tracker.Validated is { } ledger)
            {
                var closed = ledger.CloseTime ?? ledger.SignTime;
                info["validated_ledger"] = new JsonObject
                {
                    ["age"] = Math.Max(0, Protocol.Handshake.NetworkTime.ToNetworkSeconds(now) - closed),
                    ["hash"] = ledger.HashHex,
                    ["seq"] = ledger.Sequence,
                };
            }

            if (tracker.Quorum != int.MaxValue)
            {
                info["validation_quorum"] = tracker.Quorum;
            }
        }

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

        if (admin)
        {
            info["hostid"] = Environment.MachineName;
            var ports = new JsonArray();
            if (node.AdminEndpoint is { } adminEndpoint)
            {
                ports.Add(new JsonObject { ["port"] = adminEndpoint.Port.ToString(CultureInfo.InvariantCulture), ["protocol"] = new JsonArray("http", "ws") });
            }

            if (node.Overlay.PeerEndpoint is { } peer)
            {
                ports.Add(new JsonObject { ["port"] = peer.Port.ToString(CultureInfo.InvariantCulture), ["protocol"] = new JsonArray("peer") });
            }

            info["ports"] = ports;
        }

        return info;
    }

    // rippled stops trusting its own validated ledger for peer tracking after two minutes; so do we for "tracking".
    private static bool Fresh(AdminContext node, DateTimeOffset now) =>
        node.Tracker?.Validated is { } ledger && Protocol.Handshake.NetworkTime.ToNetworkSeconds(now) - ledger.SignTime < 120;
}
