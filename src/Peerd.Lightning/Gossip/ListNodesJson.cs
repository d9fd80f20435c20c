using System.Text.Json.Nodes;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// <c>listnodes</c>' result in Core Lightning's shape (<c>doc/schemas/listnodes.json</c>): a node with an announcement
/// has <c>nodeid</c>, <c>last_timestamp</c>, <c>alias</c>, <c>color</c>, <c>features</c> and <c>addresses</c>; a node
/// known only from our connections has just <c>nodeid</c>. The schema allows nothing else, so our own observations
/// appear only when asked for (<c>connected_addresses</c>, most recent first, with <c>last_connected</c>).
/// </summary>
public static class ListNodesJson
{
    /// <summary><c>{"nodes":[...]}</c>.</summary>
    public static JsonObject Build(IEnumerable<NodeRecord> nodes, bool includeConnected = false)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return new JsonObject { ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)Node(n, includeConnected))]) };
    }

    /// <summary>One node's object.</summary>
    public static JsonObject Node(NodeRecord node, bool includeConnected = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        var json = new JsonObject { ["nodeid"] = node.Id.ToString() };
        if (node.Announcement is { } announcement)
        {
            json["last_timestamp"] = announcement.Timestamp;
            json["alias"] = announcement.AliasText;
            json["color"] = announcement.ColorHex;
            json["features"] = announcement.Features.ToHex();
            json["addresses"] = new JsonArray([.. node.AnnouncedAddresses.Select(a => (JsonNode)Address(a))]);
        }

        if (includeConnected && node.Connected.Count > 0)
        {
            json["connected_addresses"] = new JsonArray([.. node.Connected.Select(c => (JsonNode)Connected(c))]);
        }

        return json;
    }

    /// <summary><c>{"type":"ipv4","address":"1.2.3.4","port":9735}</c> (IPv6 without brackets, as Core Lightning prints it).</summary>
    public static JsonObject Address(WireAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new JsonObject { ["type"] = address.JsonTypeName, ["address"] = address.Host, ["port"] = address.Port };
    }

    private static JsonObject Connected(ConnectedAddress connected)
    {
        var endpoint = connected.Endpoint;
        var json = endpoint.Kind == EndpointKind.LocalSocket
            ? new JsonObject { ["type"] = endpoint.TypeName, ["socket"] = endpoint.Path }
            : new JsonObject { ["type"] = endpoint.TypeName, ["address"] = endpoint.AddressText, ["port"] = endpoint.Port };
        json["last_connected"] = connected.LastConnected.ToUnixTimeSeconds();
        return json;
    }
}
