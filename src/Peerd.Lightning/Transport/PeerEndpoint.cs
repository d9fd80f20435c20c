using System.Net;
using System.Net.Sockets;

namespace Peerd.Lightning.Transport;

/// <summary>The kind of a <see cref="PeerEndpoint"/>.</summary>
public enum EndpointKind
{
    /// <summary>An IPv4 or IPv6 address and port.</summary>
    Ip,

    /// <summary>A Unix stream socket path.</summary>
    LocalSocket,

    /// <summary>A DNS name and port, resolved when tried (or handed to a SOCKS5 proxy unresolved).</summary>
    DnsName,

    /// <summary>A Tor v3 onion service and port (needs a proxy).</summary>
    TorV3,
}

/// <summary>Somewhere a Lightning peer can be reached or listened on, formatted the way Core Lightning prints it.</summary>
public sealed record PeerEndpoint
{
    private PeerEndpoint(EndpointKind kind, IPAddress? ip, string? host, string? path, int port)
    {
        Kind = kind;
        Ip = ip;
        Host = host;
        Path = path;
        Port = port;
    }

    /// <summary>What this endpoint is.</summary>
    public EndpointKind Kind { get; }

    /// <summary>The address, for <see cref="EndpointKind.Ip"/>.</summary>
    public IPAddress? Ip { get; }

    /// <summary>The name, for <see cref="EndpointKind.DnsName"/> and <see cref="EndpointKind.TorV3"/>.</summary>
    public string? Host { get; }

    /// <summary>The socket path, for <see cref="EndpointKind.LocalSocket"/>.</summary>
    public string? Path { get; }

    /// <summary>The port (0 for local sockets).</summary>
    public int Port { get; }

    /// <summary>An IP endpoint (IPv4-mapped IPv6 addresses are shown as IPv4).</summary>
    public static PeerEndpoint FromIp(IPAddress address, int port) =>
        new(EndpointKind.Ip, address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, null, null, port);

    /// <summary>An endpoint from a socket address.</summary>
    public static PeerEndpoint FromEndPoint(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => FromIp(ip.Address, ip.Port),
        UnixDomainSocketEndPoint unix => LocalSocket(unix.ToString()),
        _ => throw new ArgumentException($"unsupported endpoint {endPoint}", nameof(endPoint)),
    };

    /// <summary>A Unix socket path.</summary>
    public static PeerEndpoint LocalSocket(string path) => new(EndpointKind.LocalSocket, null, null, path, 0);

    /// <summary>A DNS name to resolve when tried.</summary>
    public static PeerEndpoint DnsName(string host, int port) => new(EndpointKind.DnsName, null, host, null, port);

    /// <summary>A Tor v3 onion service.</summary>
    public static PeerEndpoint TorV3(string host, int port) => new(EndpointKind.TorV3, null, host, null, port);

    /// <summary>True for IPv4 addresses.</summary>
    public bool IsIPv4 => Kind == EndpointKind.Ip && Ip!.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>The socket address to connect or bind to (not for names and onions).</summary>
    public EndPoint ToEndPoint() => Kind switch
    {
        EndpointKind.Ip => new IPEndPoint(Ip!, Port),
        EndpointKind.LocalSocket => new UnixDomainSocketEndPoint(Path!),
        _ => throw new InvalidOperationException($"{this} must be resolved first"),
    };

    /// <summary>The JSON <c>type</c> Core Lightning uses for this address.</summary>
    public string TypeName => Kind switch
    {
        EndpointKind.Ip => IsIPv4 ? "ipv4" : "ipv6",
        EndpointKind.LocalSocket => "local socket",
        EndpointKind.DnsName => "dns",
        _ => "torv3",
    };

    /// <summary>The address without the port: <c>127.0.0.1</c>, <c>::1</c> (no brackets), a name, or a path.</summary>
    public string AddressText => Kind switch
    {
        EndpointKind.Ip => Ip!.ToString(),
        EndpointKind.LocalSocket => Path!,
        _ => Host!,
    };

    /// <summary>Core Lightning's <c>fmt_wireaddr_internal</c>: <c>1.2.3.4:9735</c>, <c>[::1]:9735</c>, <c>host:port</c>, or the path.</summary>
    public override string ToString() => Kind switch
    {
        EndpointKind.Ip when !IsIPv4 => $"[{Ip}]:{Port}",
        EndpointKind.LocalSocket => Path!,
        _ => $"{AddressText}:{Port}",
    };
}
