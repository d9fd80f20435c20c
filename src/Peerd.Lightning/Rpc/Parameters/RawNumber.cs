namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// Core Lightning's <c>json_to_u16</c> over raw token text (<c>str_to_u64</c>): only the digits 0-9, no sign, no
/// spaces, no fraction or exponent; the value must fit.
/// </summary>
public static class RawNumber
{
    /// <summary>Parses <paramref name="text"/> as an unsigned 16-bit decimal.</summary>
    public static bool TryParseUInt16(ReadOnlySpan<char> text, out ushort value)
    {
        value = 0;
        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var trimmed = text.TrimStart('0');
        if (trimmed.Length > 5)
        {
            return false;
        }

        var number = 0;
        foreach (var c in trimmed)
        {
            number = (number * 10) + (c - '0');
        }

        if (number > ushort.MaxValue)
        {
            return false;
        }

        value = (ushort)number;
        return true;
    }
}
