using System.Security.Cryptography;

namespace Peerd.Xrpl.Protocol.Tokens;

/// <summary>
/// Base58 with the XRP Ledger alphabet and base58check (rippled <c>tokens.cpp</c>): the payload is a
/// <see cref="TokenType"/> byte and the data, followed by the first four bytes of SHA256(SHA256(payload)).
/// Decoding never throws for bad text; it returns <c>false</c>.
/// </summary>
public static class XrplBase58
{
    /// <summary>The XRPL alphabet: Bitcoin's characters in a different order (<c>r</c> is zero).</summary>
    public const string Alphabet = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";

    /// <summary>Length of the checksum appended to a token: the first 4 bytes of a double SHA256.</summary>
    public const int ChecksumLength = 4;

    /// <summary>Longest text accepted by the decoder; far above any token (a 33-byte key is 52 characters).</summary>
    public const int MaxTextLength = 128;

    private static readonly sbyte[] Digits = BuildDigits();

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }

    /// <summary>Encodes bytes as plain base58 (no checksum); each leading zero byte becomes an <c>r</c>.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // log(256) / log(58) ≈ 1.366, so 138/100 digits per byte is enough.
        var size = ((data.Length - zeros) * 138 / 100) + 1;
        Span<byte> b58 = size <= 256 ? stackalloc byte[size] : new byte[size];
        b58.Clear();
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 256 * b58[k];
                b58[k] = (byte)(carry % 58);
                carry /= 58;
            }

            length = j;
        }

        var start = size - length;
        while (start < size && b58[start] == 0)
        {
            start++;
        }

        var chars = new char[zeros + (size - start)];
        chars.AsSpan(0, zeros).Fill(Alphabet[0]);
        for (var i = start; i < size; i++)
        {
            chars[zeros + i - start] = Alphabet[b58[i]];
        }

        return new string(chars);
    }

    /// <summary>Decodes plain base58 (no checksum); false for an empty, over-long or non-alphabet string.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.IsEmpty || text.Length > MaxTextLength)
        {
            return false;
        }

        var zeros = 0;
        while (zeros < text.Length && text[zeros] == Alphabet[0])
        {
            zeros++;
        }

        // log(58) / log(256) ≈ 0.733, so 733/1000 bytes per digit is enough.
        var size = ((text.Length - zeros) * 733 / 1000) + 1;
        Span<byte> b256 = stackalloc byte[size];
        b256.Clear();
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128 || Digits[c] < 0)
            {
                return false;
            }

            int carry = Digits[c];
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 58 * b256[k];
                b256[k] = (byte)(carry & 0xff);
                carry >>= 8;
            }

            length = j;
        }

        var start = size - length;
        while (start < size && b256[start] == 0)
        {
            start++;
        }

        data = new byte[zeros + (size - start)];
        b256[start..].CopyTo(data.AsSpan(zeros));
        return true;
    }

    /// <summary>Encodes <paramref name="type"/> ‖ <paramref name="data"/> ‖ checksum (rippled <c>toBase58(TokenType, …)</c>).</summary>
    public static string EncodeToken(TokenType type, ReadOnlySpan<byte> data)
    {
        var buffer = new byte[1 + data.Length + ChecksumLength];
        buffer[0] = (byte)type;
        data.CopyTo(buffer.AsSpan(1));
        WriteChecksum(buffer.AsSpan(0, 1 + data.Length), buffer.AsSpan(1 + data.Length));
        return Encode(buffer);
    }

    /// <summary>
    /// Decodes a token of the given type and exact data length (rippled <c>decodeBase58Token</c>); false when the
    /// text is not base58, the checksum is wrong, the type byte differs or the length is not
    /// <paramref name="dataLength"/>.
    /// </summary>
    public static bool TryDecodeToken(ReadOnlySpan<char> text, TokenType type, int dataLength, out byte[] data)
    {
        data = [];
        if (!TryDecode(text, out var raw) || raw.Length != 1 + dataLength + ChecksumLength || raw[0] != (byte)type)
        {
            return false;
        }

        Span<byte> checksum = stackalloc byte[ChecksumLength];
        WriteChecksum(raw.AsSpan(0, 1 + dataLength), checksum);
        if (!checksum.SequenceEqual(raw.AsSpan(1 + dataLength)))
        {
            return false;
        }

        data = raw.AsSpan(1, dataLength).ToArray();
        return true;
    }

    private static void WriteChecksum(ReadOnlySpan<byte> payload, Span<byte> checksum)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(payload, hash);
        SHA256.HashData(hash, hash);
        hash[..ChecksumLength].CopyTo(checksum);
    }
}
