using System.Security.Cryptography;

namespace Peerd.Xrpl.Protocol.Serialization;

/// <summary>rippled's <c>HashPrefix</c> values (three ASCII letters and a zero byte) and <c>sha512Half</c>.</summary>
public static class HashPrefix
{
    /// <summary><c>HashPrefix::manifest</c>: "MAN\0".</summary>
    public const uint Manifest = 0x4D414E00;

    /// <summary><c>HashPrefix::validation</c>: "VAL\0".</summary>
    public const uint Validation = 0x56414C00;

    /// <summary>The first 32 bytes of SHA-512 (<c>sha512Half</c>).</summary>
    public static byte[] Sha512Half(ReadOnlySpan<byte> data)
    {
        Span<byte> full = stackalloc byte[64];
        SHA512.HashData(data, full);
        return full[..32].ToArray();
    }
}
