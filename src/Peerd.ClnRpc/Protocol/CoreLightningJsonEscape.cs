using System.Text.Json;

namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// Core Lightning's <c>json_escape</c> (<c>ccan/json_escape</c>) for bytes that come from the network, such as a
/// <c>node_announcement</c>'s alias: <c>\n \b \f \t \r \\ \"</c> as two-character escapes, any other byte below
/// 0x20 and 0x7F as <c>\u00XX</c> (upper-case hex), every other byte copied as it is. Bytes from 0x80 up are not
/// checked: an alias that is not UTF-8 reaches the client as Core Lightning sends it.
/// </summary>
public static class CoreLightningJsonEscape
{
    /// <summary>Writes <paramref name="raw"/> as a JSON string value, quotes included, escaped as Core Lightning does.</summary>
    public static void WriteStringValue(Utf8JsonWriter writer, ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> quoted = stackalloc byte[2 + (raw.Length * 6)];
        int length = Quote(raw, quoted);
        writer.WriteRawValue(quoted[..length], skipInputValidation: true);
    }

    /// <summary>Writes <paramref name="raw"/> quoted and escaped into <paramref name="destination"/> (room for 2 + 6 per byte); returns the length.</summary>
    public static int Quote(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        int n = 0;
        destination[n++] = (byte)'"';
        foreach (byte b in raw)
        {
            byte escape = b switch
            {
                (byte)'\n' => (byte)'n',
                (byte)'\b' => (byte)'b',
                (byte)'\f' => (byte)'f',
                (byte)'\t' => (byte)'t',
                (byte)'\r' => (byte)'r',
                (byte)'\\' => (byte)'\\',
                (byte)'"' => (byte)'"',
                _ => 0,
            };
            if (escape != 0)
            {
                destination[n++] = (byte)'\\';
                destination[n++] = escape;
            }
            else if (b < 0x20 || b == 0x7F)
            {
                "\\u00"u8.CopyTo(destination[n..]);
                n += 4;
                destination[n++] = UpperHex(b >> 4);
                destination[n++] = UpperHex(b & 0xF);
            }
            else
            {
                destination[n++] = b;
            }
        }

        destination[n++] = (byte)'"';
        return n;
    }

    private static byte UpperHex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
}
