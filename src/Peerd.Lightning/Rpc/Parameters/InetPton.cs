namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// Strict IP literal parsing with the rules of POSIX <c>inet_pton</c>, which Core Lightning uses to tell an address
/// from a name. <see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/> is far more lenient
/// (it takes <c>1</c>, <c>0x7f.1</c>, <c>[::1]</c>, <c>fe80::1%eth0</c>), which would turn names into addresses.
/// </summary>
public static class InetPton
{
    /// <summary>IPv4 length: 4 bytes.</summary>
    public const int IPv4Length = 4;

    /// <summary>IPv6 length: 16 bytes.</summary>
    public const int IPv6Length = 16;

    /// <summary>Four dotted decimal octets, each 0..255, no leading zeros, nothing else.</summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, Span<byte> address)
    {
        if (address.Length < IPv4Length)
        {
            return false;
        }

        var octets = 0;
        var sawDigit = false;
        var current = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                if (sawDigit && current == 0)
                {
                    return false; // leading zero
                }

                current = (current * 10) + (c - '0');
                if (current > 255)
                {
                    return false;
                }

                if (!sawDigit)
                {
                    if (++octets > 4)
                    {
                        return false;
                    }

                    sawDigit = true;
                }

                address[octets - 1] = (byte)current;
            }
            else if (c == '.' && sawDigit)
            {
                if (octets == 4)
                {
                    return false;
                }

                sawDigit = false;
                current = 0;
            }
            else
            {
                return false;
            }
        }

        return octets == 4 && sawDigit;
    }

    /// <summary>
    /// Up to eight groups of 1..4 hex digits separated by <c>:</c>, one <c>::</c> standing for zero groups, and
    /// optionally a dotted IPv4 tail; no brackets, no zone.
    /// </summary>
    public static bool TryParseIPv6(ReadOnlySpan<char> text, Span<byte> address)
    {
        if (address.Length < IPv6Length || text.IsEmpty)
        {
            return false;
        }

        Span<byte> result = stackalloc byte[IPv6Length];
        result.Clear();
        var written = 0;
        var gap = -1; // where "::" stands
        var i = 0;
        if (text[0] == ':')
        {
            if (text.Length < 2 || text[1] != ':')
            {
                return false;
            }

            i = 1;
        }

        var tokenStart = i;
        var digits = 0;
        var value = 0;
        while (i < text.Length)
        {
            var c = text[i++];
            var digit = HexValue(c);
            if (digit >= 0)
            {
                if (digits == 4)
                {
                    return false;
                }

                value = (value << 4) | digit;
                digits++;
                continue;
            }

            if (c == ':')
            {
                tokenStart = i;
                if (digits == 0)
                {
                    if (gap >= 0)
                    {
                        return false;
                    }

                    gap = written;
                    continue;
                }

                if (i == text.Length || written + 2 > IPv6Length)
                {
                    return false;
                }

                result[written++] = (byte)(value >> 8);
                result[written++] = (byte)value;
                digits = 0;
                value = 0;
                continue;
            }

            if (c == '.' && written + IPv4Length <= IPv6Length && TryParseIPv4(text[tokenStart..], result[written..]))
            {
                written += IPv4Length;
                digits = 0;
                break;
            }

            return false;
        }

        if (digits > 0)
        {
            if (written + 2 > IPv6Length)
            {
                return false;
            }

            result[written++] = (byte)(value >> 8);
            result[written++] = (byte)value;
        }

        if (gap >= 0)
        {
            if (written == IPv6Length)
            {
                return false; // "::" would stand for no group at all
            }

            var tail = written - gap;
            result.Slice(gap, tail).CopyTo(result[(IPv6Length - tail)..]);
            result.Slice(gap, IPv6Length - tail - gap).Clear();
            written = IPv6Length;
        }

        if (written != IPv6Length)
        {
            return false;
        }

        result.CopyTo(address);
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
