namespace Peerd.Lightning.Protocol.Addresses;

/// <summary>RFC 4648 base32 without padding, lowercase (the alphabet of <c>.onion</c> names).</summary>
internal static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Characters needed for <paramref name="byteCount"/> bytes: ceil(8n / 5).</summary>
    public static int GetEncodedLength(int byteCount) => ((byteCount * 8) + 4) / 5;

    public static string Encode(ReadOnlySpan<byte> data)
    {
        int length = GetEncodedLength(data.Length);
        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        foreach (byte b in data)
        {
            buffer = ((buffer << 8) | b) & 0xFFF;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes unpadded base32 (either case) into exactly <paramref name="destination"/>'s length; false on a
    /// foreign character, a wrong length, or non-zero trailing bits.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length != GetEncodedLength(destination.Length))
        {
            return false;
        }

        int buffer = 0;
        int bits = 0;
        int index = 0;
        foreach (char c in text)
        {
            int value = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= 'A' and <= 'Z' => c - 'A',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            buffer = ((buffer << 5) | value) & 0xFFF;
            bits += 5;
            if (bits >= 8)
            {
                destination[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return (buffer & ((1 << bits) - 1)) == 0;
    }
}
