using System.Security.Cryptography;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// BOLT #8's <c>HKDF(salt, ikm)</c>: "HKDF as defined in RFC 5869, evaluated with a zero-length info field", 64 bytes
/// of output split into two 32-byte keys. Used for every <c>MixKey</c>, for <c>Split</c> and for key rotation.
/// </summary>
/// <remarks>
/// Written as the three HMAC-SHA256 one-shots RFC 5869 prescribes (extract; expand T1; expand T2) rather than through
/// <see cref="HKDF.DeriveKey(HashAlgorithmName, ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>:
/// the benchmark <c>NoiseHkdfBenchmarks</c> measures both.
/// </remarks>
internal static class NoiseHkdf
{
    /// <summary>
    /// Derives <c>(first, second) = HKDF(salt, ikm)</c>. The outputs may alias the inputs (<c>ck, k = HKDF(ck, k)</c>):
    /// both inputs are read before either output is written.
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm, Span<byte> first, Span<byte> second)
    {
        Span<byte> prk = stackalloc byte[Bolt8Constants.HashLength];
        Span<byte> block = stackalloc byte[Bolt8Constants.HashLength + 1];

        // HKDF-Extract: PRK = HMAC-Hash(salt, IKM).
        HMACSHA256.HashData(salt, ikm, prk);

        // HKDF-Expand with empty info: T(1) = HMAC(PRK, 0x01); T(2) = HMAC(PRK, T(1) ‖ 0x02).
        block[0] = 0x01;
        HMACSHA256.HashData(prk, block[..1], block[..Bolt8Constants.HashLength]);
        block[Bolt8Constants.HashLength] = 0x02;
        HMACSHA256.HashData(prk, block, second);
        block[..Bolt8Constants.HashLength].CopyTo(first);

        CryptographicOperations.ZeroMemory(prk);
        CryptographicOperations.ZeroMemory(block);
    }
}
