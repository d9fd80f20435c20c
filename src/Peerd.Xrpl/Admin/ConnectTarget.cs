using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Admin;

/// <summary>
/// The <c>ip</c> of <c>connect</c>: IPv4, bare IPv6, <c>ip:port</c>, <c>[v6]</c>, <c>[v6]:port</c>, or a DNS name
/// with an optional <c>:port</c> (rippled ignores names silently; we resolve them). Unspecified addresses
/// (<c>0.0.0.0</c>, <c>::</c>) and malformed text are refused rather than ignored.
/// </summary>
internal static class ConnectTarget
{
    public static bool TryParse(string text, out string host, out int? port)
    {
        host = string.Empty;
        port = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if (text[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(text[1..close], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            var rest = text[(close + 1)..];
            if (rest.Length > 0 && (rest[0] != ':' || !TryParsePort(rest[1..], out port)))
            {
                return false;
            }

            host = v6.ToString();
            return !v6.Equals(IPAddress.IPv6Any);
        }

        var colons = text.Count(c => c == ':');
        if (colons > 1)
        {
            if (!IPAddress.TryParse(text, out var bare) || bare.AddressFamily != AddressFamily.InterNetworkV6 || bare.Equals(IPAddress.IPv6Any))
            {
                return false;
            }

            host = bare.ToString();
            return true;
        }

        var name = text;
        if (colons == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            name = text[..colon];
            if (!TryParsePort(text[(colon + 1)..], out port))
            {
                return false;
            }
        }

        if (PeerAddress.TryParseStrict(name, out var v4))
        {
            host = v4.ToString();
            return !v4.Equals(IPAddress.Any);
        }

        if (Uri.CheckHostName(name) != UriHostNameType.Dns || name.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return false;
        }

        host = name;
        return true;
    }

    private static bool TryParsePort(string text, out int? port)
    {
        port = null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
        {
            return false;
        }

        port = value;
        return true;
    }
}
