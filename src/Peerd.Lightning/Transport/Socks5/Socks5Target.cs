using System.Net;
using System.Net.Sockets;

namespace Peerd.Lightning.Transport.Socks5;

/// <summary>
/// Where a SOCKS5 <c>CONNECT</c> asks the proxy to go: a name (<c>ATYP</c> 3, resolved by the proxy, never by us) or
/// an IP literal (<c>ATYP</c> 1 or 4).
/// <para>
/// Core Lightning (<c>connectd/tor.c</c>) sends every target as a domain name, IP literals included, and an IPv6
/// literal in brackets (<c>[::1]</c>). Proxies that resolve names with <c>getaddrinfo</c> — microsocks, dante — answer
/// that bracketed "name" with "general SOCKS server failure", so IP literals go out in RFC 1928's own address types,
/// which Tor, microsocks and dante all accept. Names and onions still go as <c>ATYP</c> 3, so no DNS lookup happens
/// here.
/// </para>
/// </summary>
public readonly record struct Socks5Target
{
    private Socks5Target(string? host, IPAddress? address, int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
        Host = host;
        Address = address;
        Port = port;
    }

    /// <summary>The name for the proxy to resolve (null for IP targets).</summary>
    public string? Host { get; }

    /// <summary>The IP address (null for named targets).</summary>
    public IPAddress? Address { get; }

    /// <summary>The TCP port.</summary>
    public int Port { get; }

    /// <summary>
    /// The host as Core Lightning prints it in "Error connecting to &lt;host&gt;" (<c>fmt_wireaddr_without_port</c>):
    /// <c>1.2.3.4</c>, <c>[::1]</c>, or the name.
    /// </summary>
    public string DisplayHost => Address is null ? Host! : Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString();

    /// <summary>A name (DNS or <c>.onion</c>) that the proxy resolves.</summary>
    public static Socks5Target ForName(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        return new(host, null, port);
    }

    /// <summary>An IP literal (IPv4-mapped IPv6 addresses are sent as IPv4).</summary>
    public static Socks5Target ForAddress(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new(null, address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port);
    }

    /// <summary>The target for a peer endpoint: IP, DNS name or Tor v3 (Unix sockets never go through a proxy).</summary>
    public static Socks5Target For(PeerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Kind switch
        {
            EndpointKind.Ip => ForAddress(endpoint.Ip!, endpoint.Port),
            EndpointKind.DnsName or EndpointKind.TorV3 => ForName(endpoint.Host!, endpoint.Port),
            _ => throw new ArgumentException("local sockets do not go through a proxy", nameof(endpoint)),
        };
    }

    /// <summary><c>host:port</c>.</summary>
    public override string ToString() => $"{DisplayHost}:{Port}";
}
