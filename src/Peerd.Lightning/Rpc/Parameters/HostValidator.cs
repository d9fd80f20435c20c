using System.Net;
using System.Text;
using Peerd.ClnRpc;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// The part of Core Lightning's <c>parse_wireaddr_internal</c> (<c>common/wireaddr.c</c>) that needs no DNS: it
/// decides what a <c>connect</c> host is and reports the <c>-1</c> errors
/// <c>Host &lt;host&gt;:&lt;port&gt; not valid: &lt;reason&gt;</c> and <c>Host &lt;host&gt;:&lt;port&gt; not a simple
/// type</c>. Names are left for the caller to resolve.
/// </summary>
public static class HostValidator
{
    /// <summary>
    /// <c>sizeof(sockaddr_un.sun_path)</c> on Linux: 108. A path must be shorter (room for the terminating NUL).
    /// </summary>
    public const int MaxSocketPathBytes = 108;

    /// <summary>BOLT 7 caps a DNS hostname at 255 bytes (<c>DNS_ADDRLEN</c>).</summary>
    public const int MaxDnsNameBytes = 255;

    /// <summary>A Tor v3 address: 35 bytes (32-byte key, 2-byte checksum, version), 56 base32 characters.</summary>
    public const int TorV3Base32Length = 56;

    private const string OnionSuffix = ".onion";
    private const string DnsPrefix = "dns:";

    /// <summary>Validates <paramref name="host"/>, given the port from the <c>port</c> parameter or the default.</summary>
    /// <param name="host">The host as given (after any <c>id@</c> split).</param>
    /// <param name="port">The <c>port</c> parameter, or the network's default port.</param>
    /// <param name="address">The address to dial or resolve, on success.</param>
    /// <param name="error">The <c>-1</c> error, on failure.</param>
    public static bool TryValidate(string host, ushort port, out HostAddress address, out RpcError error)
    {
        ArgumentNullException.ThrowIfNull(host);
        address = null!;
        error = null!;

        if (host.StartsWith('/'))
        {
            if (Encoding.UTF8.GetByteCount(host) >= MaxSocketPathBytes)
            {
                return Fail(host, port, "Socket name too long", out error);
            }

            address = new HostAddress(HostKind.LocalSocket, host, port);
            return true;
        }

        // Listening forms that make no sense for connect.
        if (host.StartsWith("autotor:", StringComparison.Ordinal) || host.StartsWith("statictor:", StringComparison.Ordinal))
        {
            return NotSimple(host, port, out error);
        }

        // Ours: Core Lightning would accept a websocket address here; we do not dial websockets.
        if (host.StartsWith("ws:", StringComparison.Ordinal))
        {
            return Fail(host, port, "websocket addresses are not supported", out error);
        }

        // An empty host (":9735", "[]") means "all interfaces", a listening form.
        if (AddressSplitter.TrySplit(host, out var bare, out _) && bare.Length == 0)
        {
            return NotSimple(host, port, out error);
        }

        var reason = ParseWireAddress(host, port, out address);
        return reason is null || Fail(host, port, reason, out error);
    }

    /// <summary>
    /// The <c>-1</c> error for a host that cannot be used, e.g. after a failed DNS lookup:
    /// <c>Host &lt;host&gt;:&lt;port&gt; not valid: &lt;reason&gt;</c> (reason as <c>gai_strerror</c> words it, e.g.
    /// <c>Name or service not known</c>).
    /// </summary>
    public static RpcError NotValid(string host, ushort port, string reason) =>
        RpcError.ServerError($"Host {host}:{port} not valid: {reason}");

    /// <summary>Core Lightning's <c>parse_wireaddr</c> without the lookup; returns the failure reason or null.</summary>
    private static string? ParseWireAddress(string text, ushort defaultPort, out HostAddress address)
    {
        address = null!;
        var deferredDns = text.StartsWith(DnsPrefix, StringComparison.Ordinal);
        if (!AddressSplitter.TrySplit(deferredDns ? text[DnsPrefix.Length..] : text, out var name, out var embeddedPort))
        {
            return "Error parsing hostname";
        }

        var port = embeddedPort ?? defaultPort;
        if (!deferredDns)
        {
            // Resolved without DNS, as Core Lightning does.
            name = name switch
            {
                "localhost" => "127.0.0.1",
                "ip6-localhost" => "::1",
                _ => name,
            };
        }

        Span<byte> bytes = stackalloc byte[InetPton.IPv6Length];
        if (InetPton.TryParseIPv4(name, bytes))
        {
            if (deferredDns)
            {
                return "dns: must be followed by a name";
            }

            address = new HostAddress(HostKind.IPv4, new IPAddress(bytes[..InetPton.IPv4Length]).ToString(), port);
            return null;
        }

        if (InetPton.TryParseIPv6(name, bytes))
        {
            if (deferredDns)
            {
                return "dns: must be followed by a name";
            }

            address = new HostAddress(HostKind.IPv6, new IPAddress(bytes).ToString(), port);
            return null;
        }

        if (deferredDns)
        {
            if (Encoding.UTF8.GetByteCount(name) > MaxDnsNameBytes)
            {
                return "DNS address too long";
            }

            address = new HostAddress(HostKind.DnsName, name, port, DeferredDns: true);
            return null;
        }

        // Onion names are never looked up; only Tor v3 is accepted.
        if (name.EndsWith(OnionSuffix, StringComparison.Ordinal))
        {
            if (!IsTorV3(name.AsSpan(0, name.Length - OnionSuffix.Length)))
            {
                return "Invalid Tor address";
            }

            address = new HostAddress(HostKind.Onion, name, port);
            return null;
        }

        address = new HostAddress(HostKind.DnsName, name, port);
        return null;
    }

    /// <summary>56 characters of the lowercase RFC 4648 base32 alphabet decode to exactly 35 bytes.</summary>
    private static bool IsTorV3(ReadOnlySpan<char> base32) =>
        base32.Length == TorV3Base32Length && !base32.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz234567");

    private static bool Fail(string host, ushort port, string reason, out RpcError error)
    {
        error = NotValid(host, port, reason);
        return false;
    }

    private static bool NotSimple(string host, ushort port, out RpcError error)
    {
        error = RpcError.ServerError($"Host {host}:{port} not a simple type");
        return false;
    }
}
