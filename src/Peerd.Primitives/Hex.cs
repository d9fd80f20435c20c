namespace Peerd.Primitives;

/// <summary>Lowercase hexadecimal encoding, the form every Lightning and XRPL tool prints.</summary>
public static class Hex
{
    /// <summary>Encodes bytes as lowercase hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex (either case). Throws <see cref="FormatException"/> on odd length or a non-hex character.</summary>
    public static byte[] Decode(string hex) => Convert.FromHexString(hex);

    /// <summary>Decodes hex (either case) without throwing.</summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = [];
        if ((hex.Length & 1) != 0)
        {
            return false;
        }

        var buffer = new byte[hex.Length / 2];
        if (Convert.FromHexString(hex, buffer, out _, out var written) != System.Buffers.OperationStatus.Done || written != buffer.Length)
        {
            return false;
        }

        bytes = buffer;
        return true;
    }
}
