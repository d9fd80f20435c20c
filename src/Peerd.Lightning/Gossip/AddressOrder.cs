using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// The order <c>connect &lt;id&gt;</c> tries a node's known addresses in. Announced addresses first, grouped as Core
/// Lightning's <c>append_gossmap_addresses</c> groups them — IPv6 and DNS, then IPv4, then Tor v3, each group in
/// announcement order (Tor v2 and unknown types skipped) — then the addresses we connected to it at that are not
/// already listed, most recent first.
/// <para>
/// Why our own observations come last: Core Lightning's <c>connect</c> uses gossip only, so with them last a node
/// that announces itself is tried exactly as Core Lightning would try it (and the 401 text starts the same); they
/// only add attempts after the announced ones failed, or make nodes that never announce (private nodes, peers
/// reached on a Unix socket) reachable by id at all.
/// </para>
/// </summary>
public static class AddressOrder
{
    /// <summary>
    /// The announced addresses a reader uses: Tor v2 ignored ("SHOULD ignore Tor v2 onion services"), only the first
    /// DNS name ("if more than one <c>type 5</c> address is announced: SHOULD ignore the additional data"), and names
    /// that are not printable ASCII without spaces dropped. Port-0 entries and everything from the first unknown type
    /// on were already dropped when decoding.
    /// </summary>
    public static IReadOnlyList<WireAddress> Usable(IEnumerable<WireAddress> announced)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var usable = new List<WireAddress>();
        bool seenDns = false;
        foreach (var address in announced)
        {
            if (address.Type == WireAddressType.TorV2)
            {
                continue;
            }

            if (address.Type == WireAddressType.Dns)
            {
                if (seenDns || !IsPrintableName(address.Address))
                {
                    continue;
                }

                seenDns = true;
            }

            usable.Add(address);
        }

        return usable;
    }

    /// <summary>The endpoint for an announced address (null for Tor v2).</summary>
    public static PeerEndpoint? ToEndpoint(WireAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Type switch
        {
            WireAddressType.IPv4 or WireAddressType.IPv6 => PeerEndpoint.FromIp(address.ToIPAddress()!, address.Port),
            WireAddressType.Dns => PeerEndpoint.DnsName(address.Host, address.Port),
            WireAddressType.TorV3 => PeerEndpoint.TorV3(address.Host, address.Port),
            _ => null,
        };
    }

    /// <summary>
    /// The addresses to try for a node: at most <paramref name="maxAnnounced"/> announced ones in the reference's
    /// order, then <paramref name="connected"/> (most recent first) less duplicates.
    /// </summary>
    public static IReadOnlyList<PeerEndpoint> ForConnect(NodeAnnouncement? announcement, IEnumerable<ConnectedAddress> connected, int maxAnnounced)
    {
        ArgumentNullException.ThrowIfNull(connected);
        var result = new List<PeerEndpoint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (announcement is not null)
        {
            var usable = Usable(announcement.Addresses);
            var ordered = usable.Where(a => a.Type is WireAddressType.IPv6 or WireAddressType.Dns)
                .Concat(usable.Where(a => a.Type == WireAddressType.IPv4))
                .Concat(usable.Where(a => a.Type == WireAddressType.TorV3));
            foreach (var address in ordered.Take(maxAnnounced))
            {
                Add(ToEndpoint(address)!);
            }
        }

        foreach (var observed in connected)
        {
            Add(observed.Endpoint);
        }

        return result;

        void Add(PeerEndpoint endpoint)
        {
            if (seen.Add(Key(endpoint)))
            {
                result.Add(endpoint);
            }
        }
    }

    /// <summary>A comparison key: names compare case-insensitively, socket paths exactly.</summary>
    internal static string Key(PeerEndpoint endpoint) => endpoint.Kind == EndpointKind.LocalSocket
        ? $"{(int)endpoint.Kind}|{endpoint.Path}"
        : $"{(int)endpoint.Kind}|{endpoint.ToString().ToLowerInvariant()}";

    private static bool IsPrintableName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (byte b in name)
        {
            if (b is <= 0x20 or >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
