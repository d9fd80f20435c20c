using System.Globalization;
using System.Net;

namespace Peerd.Lightning.Transport;

/// <summary>
/// Parses <c>--bind-addr</c>/<c>--addr</c> values: <c>host:port</c>, <c>[v6]:port</c>, <c>[v6]</c>, <c>host</c>
/// (network's default port), <c>:port</c> (all interfaces), and <c>/path</c> (a Unix socket). Port 0 asks the
/// kernel for a free port (tests use it; <c>getinfo.binding</c> shows the real one). Names are resolved here.
/// </summary>
public static class BindAddress
{
    /// <summary>The endpoints to listen on for <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not one of the forms above, or the name does not resolve.</exception>
    public static IReadOnlyList<PeerEndpoint> Parse(string text, int defaultPort)
    {
        if (text.StartsWith('/'))
        {
            if (System.Text.Encoding.UTF8.GetByteCount(text) > Tuning.MaxUnixSocketPathBytes)
            {
                throw new FormatException($"{text}: socket path too long");
            }

            return [PeerEndpoint.LocalSocket(text)];
        }

        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                throw new FormatException($"{text}: expected [address]:port");
            }

            host = text[1..close];
            portText = close + 1 < text.Length ? text[(close + 2)..] : null;
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw new FormatException($"{text}: write IPv6 addresses as [address]:port");
            }

            host = colon >= 0 ? text[..colon] : text;
            portText = colon >= 0 ? text[(colon + 1)..] : null;
        }

        var port = defaultPort;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > ushort.MaxValue))
        {
            throw new FormatException($"{text}: bad port '{portText}'");
        }

        if (host.Length == 0)
        {
            return [PeerEndpoint.FromIp(IPAddress.Any, port), PeerEndpoint.FromIp(IPAddress.IPv6Any, port)];
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return [PeerEndpoint.FromIp(address, port)];
        }

        try
        {
            var resolved = Dns.GetHostAddresses(host);
            return resolved.Length == 0
                ? throw new FormatException($"{text}: '{host}' has no address")
                : [.. resolved.Select(a => PeerEndpoint.FromIp(a, port)).Distinct()];
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new FormatException($"{text}: cannot resolve '{host}': {SocketErrors.Describe(e.SocketErrorCode)}");
        }
    }
}
