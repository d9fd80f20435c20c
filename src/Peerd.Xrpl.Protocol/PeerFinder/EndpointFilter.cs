using System.Net;
using System.Net.Sockets;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Protocol.PeerFinder;

/// <summary>
/// What of a peer's <c>TMEndpoints</c> may enter the address book (rippled's <c>PeerFinder::Logic::preprocess</c> and
/// <c>isValidAddress</c>): a hops-0 entry is the sender itself, so its address is the socket's remote address with
/// the advertised port (rippled sends <c>[::]:51235</c> for itself); entries beyond <see cref="MaxHops"/>, with port
/// 0, unspecified or non-public addresses (unless allowed) are dropped; duplicates are dropped; hops are counted one
/// more; at most <see cref="MaxPerMessage"/> are taken.
/// </summary>
public static class EndpointFilter
{
    /// <summary>rippled's <c>Tuning::maxHops</c>.</summary>
    public const uint MaxHops = 6;

    /// <summary>rippled samples a larger message down to this many (<c>Logic::onEndpoints</c>).</summary>
    public const int MaxPerMessage = 64;

    /// <summary>The accepted entries: address and hops from us.</summary>
    public static IReadOnlyList<(IPEndPoint Endpoint, uint Hops)> Filter(TMEndpoints message, IPAddress sender, bool allowPrivate)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        var accepted = new List<(IPEndPoint, uint)>();
        var seen = new HashSet<IPEndPoint>();
        foreach (var entry in message.EndpointsV2)
        {
            if (accepted.Count >= MaxPerMessage)
            {
                break;
            }

            if (entry.Hops > MaxHops || !IPEndPoint.TryParse(entry.Endpoint, out var endpoint) || !entry.Endpoint.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.Hops == 0)
            {
                endpoint = new IPEndPoint(sender, endpoint.Port);
            }

            endpoint = new IPEndPoint(endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address, endpoint.Port);
            if (endpoint.Port == 0 || IsUnspecified(endpoint.Address) || (!allowPrivate && !IsPublic(endpoint.Address)) || !seen.Add(endpoint))
            {
                continue;
            }

            accepted.Add((endpoint, entry.Hops + 1));
        }

        return accepted;
    }

    /// <summary>False for loopback, private (RFC 1918, unique-local), link-local, multicast and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IsUnspecified(address) || IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] >= 224 || b[0] == 0);
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes[0] & 0xFE) == 0xFC);
    }

    private static bool IsUnspecified(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
