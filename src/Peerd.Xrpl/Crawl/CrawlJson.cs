using System.Text.Json.Nodes;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Crawl;

/// <summary>
/// The body of <c>GET /crawl</c> in rippled's shape (<c>OverlayImpl::processCrawl</c>, version 2):
/// <c>{"overlay":{"active":[…]},"server":{…},"version":2}</c>. Pure: the peers and the server fields come in.
/// </summary>
public static class CrawlJson
{
    /// <summary>rippled's crawl format version (<c>msg.body()["version"] = 2</c>).</summary>
    public const int Version = 2;

    /// <summary>
    /// Fields rippled's <c>OverlayImpl::getServerInfo</c> strips from <c>server_info</c> before a crawler sees it: the host
    /// name, fee-escalation details and the validation quorum.
    /// </summary>
    private static readonly string[] HiddenServerFields = ["hostid", "load_factor_fee_escalation", "load_factor_fee_queue", "validation_quorum"];

    /// <summary>
    /// The whole document: <c>overlay</c> with the active peers and, when <paramref name="serverInfo"/> is given (the
    /// non-admin <c>server_info</c> object), <c>server</c> with rippled's hidden fields removed.
    /// </summary>
    public static JsonObject Build(IEnumerable<CrawlPeer> peers, JsonObject? serverInfo)
    {
        var body = new JsonObject
        {
            ["overlay"] = Overlay(peers),
            ["version"] = Version,
        };
        if (serverInfo is not null)
        {
            body["server"] = Server(serverInfo);
        }

        return body;
    }

    /// <summary><c>{"active":[…]}</c>: one entry per connected peer (rippled's <c>getOverlayInfo</c>); an empty array without peers.</summary>
    public static JsonObject Overlay(IEnumerable<CrawlPeer> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var active = new JsonArray();
        foreach (var peer in peers)
        {
            active.Add(Peer(peer));
        }

        return new JsonObject { ["active"] = active };
    }

    /// <summary>
    /// One active peer: <c>public_key</c> (base64 of the 33 key bytes, as rippled), <c>type</c> (<c>in</c>/<c>out</c>),
    /// <c>uptime</c> (whole seconds) and <c>version</c> when known. <c>ip</c> and <c>port</c> only when the peer said
    /// <c>Crawl: public</c>; <c>port</c> only for an outbound peer, whose remote port is where it listens — rippled lists
    /// an inbound peer's port only when PeerFinder learnt its listening port, which we do not track.
    /// </summary>
    public static JsonObject Peer(CrawlPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var json = new JsonObject
        {
            ["public_key"] = Convert.ToBase64String(peer.PublicKey.Bytes),
            ["type"] = peer.Inbound ? "in" : "out",
            ["uptime"] = (uint)Math.Clamp(Math.Floor(peer.Uptime.TotalSeconds), 0, uint.MaxValue),
        };
        if (peer.CrawlPublic)
        {
            json["ip"] = PeerAddress.Normalize(peer.RemoteEndPoint.Address).ToString();
            if (!peer.Inbound)
            {
                json["port"] = peer.RemoteEndPoint.Port;
            }
        }

        if (!string.IsNullOrEmpty(peer.Version))
        {
            json["version"] = peer.Version;
        }

        return json;
    }

    /// <summary>A copy of <paramref name="serverInfo"/> without the fields rippled hides from crawlers.</summary>
    public static JsonObject Server(JsonObject serverInfo)
    {
        ArgumentNullException.ThrowIfNull(serverInfo);
        var server = serverInfo.DeepClone().AsObject();
        foreach (var name in HiddenServerFields)
        {
            server.Remove(name);
        }

        if (server["validated_ledger"] is JsonObject validated)
        {
            validated.Remove("base_fee");
            validated.Remove("reserve_base_xrp");
            validated.Remove("reserve_inc_xrp");
        }

        return server;
    }
}
