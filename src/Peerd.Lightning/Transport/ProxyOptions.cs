using System.Globalization;
using System.Net;

namespace Peerd.Lightning.Transport;

/// <summary>
/// How outbound connections use a SOCKS5 proxy (Core Lightning's <c>--proxy</c>, <c>--always-use-proxy</c> and
/// <c>--disable-dns</c>).
/// </summary>
/// <param name="Proxy">The proxy (IP, name or Unix socket), or null when none is configured.</param>
/// <param name="AlwaysUseProxy">Every IP and DNS target goes through the proxy (names unresolved); Unix sockets never do.</param>
/// <param name="DisableDns">Names are never resolved locally: a name not handed to the proxy fails with <c>dns disabled</c>.</param>
public sealed record ProxyOptions(PeerEndpoint? Proxy, bool AlwaysUseProxy = false, bool DisableDns = false)
{
    /// <summary>Tor's SOCKS port, the default when <c>--proxy</c> names no port.</summary>
    public const int DefaultPort = 9050;

    /// <summary>No proxy: onions fail with <c>need a proxy</c>, everything else is dialled directly.</summary>
    public static ProxyOptions None { get; } = new((PeerEndpoint?)null);

    /// <summary>
    /// Parses a <c>--proxy</c> value: <c>IP[:PORT]</c>, <c>[IPv6][:PORT]</c>, a bare IPv6 literal, <c>NAME[:PORT]</c>
    /// (resolved when dialling; <c>localhost</c> and <c>ip6-localhost</c> are taken as loopback without DNS, as Core
    /// Lightning does) or a Unix socket path starting with <c>/</c>. The port defaults to <see cref="DefaultPort"/>.
    /// </summary>
    public static bool TryParseProxy(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PeerEndpoint? proxy, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        proxy = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "proxy: empty address";
            return false;
        }

        if (text.StartsWith('/'))
        {
            proxy = PeerEndpoint.LocalSocket(text);
            return true;
        }

        string host = text;
        int port = DefaultPort;
        string? portText = null;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                error = $"proxy: malformed address '{text}'";
                return false;
            }

            host = text[1..close];
            portText = close + 1 < text.Length ? text[(close + 2)..] : null;
        }
        else if (text.Count(c => c == ':') == 1)
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            portText = text[(colon + 1)..];
        }

        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > ushort.MaxValue))
        {
            error = $"proxy: malformed port in '{text}'";
            return false;
        }

        if (host.Length == 0)
        {
            error = $"proxy: missing host in '{text}'";
            return false;
        }

        proxy = host switch
        {
            "localhost" => PeerEndpoint.FromIp(IPAddress.Loopback, port),
            "ip6-localhost" => PeerEndpoint.FromIp(IPAddress.IPv6Loopback, port),
            _ when IPAddress.TryParse(host, out var ip) => PeerEndpoint.FromIp(ip, port),
            _ => PeerEndpoint.DnsName(host, port),
        };
        return true;
    }
}
