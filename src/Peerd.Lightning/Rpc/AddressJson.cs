using System.Text.Json.Nodes;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Rpc;

/// <summary>Core Lightning's JSON address objects (<c>json_add_address_internal</c>).</summary>
public static class AddressJson
{
    /// <summary><c>{"type":"ipv4","address":"127.0.0.1","port":9735}</c>, or <c>{"type":"local socket","socket":"/path"}</c>.</summary>
    public static JsonObject From(PeerEndpoint endpoint) => endpoint.Kind == EndpointKind.LocalSocket
        ? new JsonObject { ["type"] = "local socket", ["socket"] = endpoint.Path }
        : new JsonObject { ["type"] = endpoint.TypeName, ["address"] = endpoint.AddressText, ["port"] = endpoint.Port };
}
