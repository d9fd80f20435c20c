using System.Text;
using System.Text.Json;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Transport;
using Peerd.ClnRpc.Protocol;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// <c>listnodes</c>' entries in Core Lightning's shape and key order (<c>plugins/topology.c</c>, <c>json_add_node</c>):
/// a node with an announcement has <c>nodeid</c>, <c>alias</c> (the announcement's 32 bytes up to the first NUL,
/// escaped by <see cref="CoreLightningJsonEscape"/>), <c>color</c>, <c>last_timestamp</c>, <c>features</c> and
/// <c>addresses</c>, then <c>option_will_fund</c> when the announcement carries a liquidity ad; a node without one has
/// just <c>nodeid</c>. Core Lightning's schema allows nothing else, so our own
/// observations appear only when asked for (<c>connected_addresses</c>, most recent first, with
/// <c>last_connected</c>).
/// </summary>
public static class ListNodesJson
{
    /// <summary>The result's array member.</summary>
    public const string Member = "nodes";

    /// <summary><c>{"nodes":[...]}</c> as text (tests and small answers; the method streams).</summary>
    public static string ToJson(IEnumerable<NodeRecord> nodes, bool includeConnected = false)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonRpcResponseWriter.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(Member);
            foreach (var node in nodes)
            {
                Write(writer, node, includeConnected);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes one node's object.</summary>
    public static void Write(Utf8JsonWriter writer, NodeRecord node, bool includeConnected = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(node);
        writer.WriteStartObject();
        writer.WriteString("nodeid"u8, node.Id.ToString());
        if (node.Announcement is { } announcement)
        {
            var alias = announcement.Alias;
            int end = alias.IndexOf((byte)0);
            writer.WritePropertyName("alias"u8);
            CoreLightningJsonEscape.WriteStringValue(writer, end < 0 ? alias : alias[..end]);
            writer.WriteString("color"u8, announcement.ColorHex);
            writer.WriteNumber("last_timestamp"u8, announcement.Timestamp);
            writer.WriteString("features"u8, announcement.Features.ToHex());
            writer.WriteStartArray("addresses"u8);
            foreach (var address in node.AnnouncedAddresses)
            {
                WriteAddress(writer, address);
            }

            writer.WriteEndArray();
            if (announcement.WillFund is { } rates)
            {
                WriteWillFund(writer, rates);
            }
        }

        if (includeConnected && node.Connected.Count > 0)
        {
            writer.WriteStartArray("connected_addresses"u8);
            foreach (var connected in node.Connected)
            {
                WriteConnected(writer, connected);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary><c>{"type":"ipv4","address":"1.2.3.4","port":9735}</c> (IPv6 without brackets, as Core Lightning prints it).</summary>
    public static void WriteAddress(Utf8JsonWriter writer, WireAddress address)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(address);
        writer.WriteStartObject();
        writer.WriteString("type"u8, address.JsonTypeName);
        writer.WriteString("address"u8, address.Host);
        writer.WriteNumber("port"u8, address.Port);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>option_will_fund</c> as Core Lightning's <c>listnodes</c> shows a liquidity ad (<c>json_add_lease_rates</c>
    /// then <c>compact_lease</c>): <c>lease_fee_base_msat</c> (the satoshi fee in msat), <c>lease_fee_basis</c>,
    /// <c>funding_weight</c>, <c>channel_fee_max_base_msat</c>, <c>channel_fee_max_proportional_thousandths</c> and
    /// <c>compact_lease</c> (the <c>lease_rates</c> encoding in hex).
    /// </summary>
    public static void WriteWillFund(Utf8JsonWriter writer, LeaseRates rates)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rates);
        writer.WriteStartObject("option_will_fund"u8);
        writer.WriteNumber("lease_fee_base_msat"u8, rates.LeaseFeeBaseSat * 1000UL);
        writer.WriteNumber("lease_fee_basis"u8, rates.LeaseFeeBasis);
        writer.WriteNumber("funding_weight"u8, rates.FundingWeight);
        writer.WriteNumber("channel_fee_max_base_msat"u8, rates.ChannelFeeMaxBaseMsat);
        writer.WriteNumber("channel_fee_max_proportional_thousandths"u8, rates.ChannelFeeMaxProportionalThousandths);
        writer.WriteString("compact_lease"u8, Peerd.Primitives.Hex.Encode(rates.ToArray()));
        writer.WriteEndObject();
    }

    private static void WriteConnected(Utf8JsonWriter writer, ConnectedAddress connected)
    {
        var endpoint = connected.Endpoint;
        writer.WriteStartObject();
        writer.WriteString("type"u8, endpoint.TypeName);
        if (endpoint.Kind == EndpointKind.LocalSocket)
        {
            writer.WriteString("socket"u8, endpoint.Path);
        }
        else
        {
            writer.WriteString("address"u8, endpoint.AddressText);
            writer.WriteNumber("port"u8, endpoint.Port);
        }

        writer.WriteNumber("last_connected"u8, connected.LastConnected.ToUnixTimeSeconds());
        writer.WriteEndObject();
    }
}
