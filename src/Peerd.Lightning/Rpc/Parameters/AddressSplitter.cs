namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// Core Lightning's <c>separate_address_and_port</c> (<c>common/wireaddr.c</c>). Valid forms:
/// <c>[anything]:&lt;number&gt;</c> (anything after <c>]</c> up to a <c>:</c> is ignored), <c>[anything]</c>,
/// <c>anything-without-colons:&lt;number&gt;</c>, <c>anything-without-colons</c>, and a string with more than one
/// colon (or ending in one), which is taken whole as the host with no port: <c>2001:db8::1:9735</c> is an IPv6
/// address, not port 9735.
/// </summary>
/// <remarks>
/// The port is read like <c>strtol</c> (leading spaces and a <c>+</c> allowed, nothing after the digits). Core
/// Lightning then truncates it to 16 bits, so <c>:70000</c> dials port 4464 and <c>:-1</c> port 65535; ours refuses
/// any port outside 1..65535, so we never dial a port nobody asked for.
/// </remarks>
public static class AddressSplitter
{
    /// <summary>Splits <paramref name="text"/>; <paramref name="port"/> is null when no port is written.</summary>
    /// <returns>False for <c>[</c> without <c>]</c>, and for a port that is not a number in 1..65535.</returns>
    public static bool TrySplit(string text, out string host, out ushort? port)
    {
        ArgumentNullException.ThrowIfNull(text);
        port = null;
        int portColon;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                host = string.Empty;
                return false;
            }

            host = text[1..close];
            portColon = text.IndexOf(':', close + 1);
        }
        else
        {
            portColon = text.IndexOf(':');
            if (portColon >= 0 && (portColon != text.LastIndexOf(':') || portColon == text.Length - 1))
            {
                portColon = -1; // several colons, or one at the end: the whole text is the host
            }

            host = portColon >= 0 ? text[..portColon] : text;
        }

        if (portColon < 0)
        {
            return true;
        }

        if (!TryParsePort(text.AsSpan(portColon + 1), out var value))
        {
            return false;
        }

        port = value;
        return true;
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out ushort port)
    {
        port = 0;
        var i = 0;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '+')
        {
            i++;
        }

        return RawNumber.TryParseUInt16(text[i..], out port) && port != 0;
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
