using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>Address rules the handshake uses (beast <c>IPAddress.h</c>, <c>boost::asio::ip::make_address</c>).</summary>
public static partial class PeerAddress
{
    /// <summary>
    /// beast <c>is_public</c>: not private (10/8, 172.16/12, 192.168/16, loopback; fc00::/7 and ::1 for IPv6) and not
    /// multicast; we also count the unspecified address as not public.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            var isPrivate = b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168);
            var isMulticast = (b[0] & 0xF0) == 224;
            return !isPrivate && !isMulticast;
        }

        var bytes = address.GetAddressBytes();
        var uniqueLocal = (bytes[0] & 0xFE) == 0xFC;
        return !uniqueLocal && !address.IsIPv6Multicast;
    }

    /// <summary>IPv4-mapped IPv6 (<c>::ffff:a.b.c.d</c>) becomes IPv4; everything else is returned as is.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    /// <summary>
    /// Parses an address the way <c>make_address</c> does: IPv4 only in full dotted-quad form (IPAddress would also
    /// take <c>1</c> or <c>1.2</c>), IPv6 in any standard form.
    /// </summary>
    public static bool TryParseStrict(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(text, out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return DottedQuad().IsMatch(text) && IPAddress.TryParse(text, out address!);
    }

    /// <summary>Formats <c>ip:port</c>, with brackets for IPv6 (<c>[::1]:51235</c>).</summary>
    public static string Format(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = Normalize(endpoint.Address);
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{address}]:{endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{address}:{endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();
}
