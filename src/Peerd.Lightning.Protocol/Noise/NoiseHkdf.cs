using System.Security.Cryptography;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// BOLT #8's <c>HKDF(salt, ikm)</c>: "HKDF as defined in RFC 5869, evaluated with a zero-length info field", 64 bytes
/// of output split into two 32-byte keys. Used for every <c>MixKey</c>, for <c>Split</c> and for key rotation.
/// </summary>
/// <remarks>
/// One <see cref="HKDF.DeriveKey(HashAlgorithmName, ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
/// call (a single OpenSSL KDF) measured about 30% faster than RFC 5869 written out as three HMAC-SHA256 one-shots
/// (2.3 µs against 3.3 µs; <c>NoiseHkdfBenchmarks</c>).
/// </remarks>
internal static class NoiseHkdf
{
    private const int OutputLength = 2 * Bolt8Constants.KeyLength;

    /// <summary>
    /// Derives <c>(first, second) = HKDF(salt, ikm)</c>. The outputs may alias the inputs (<c>ck, k = HKDF(ck, k)</c>):
    /// both inputs are read before either output is written.
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm, Span<byte> first, Span<byte> second)
    {
        Span<byte> output = stackalloc byte[OutputLength];
        if (ikm.IsEmpty)
        {
            // The final Split's HKDF(ck, zero): OpenSSL's HKDF rejects an empty key, so extract by hand
            // (PRK = HMAC-SHA256(salt, "")) and let the library expand.
            Span<byte> prk = stackalloc byte[Bolt8Constants.HashLength];
            HMACSHA256.HashData(salt, ikm, prk);
            HKDF.Expand(HashAlgorithmName.SHA256, prk, output, info: []);
            CryptographicOperations.ZeroMemory(prk);
        }
        else
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, output, salt, info: []);
        }

        output[..Bolt8Constants.KeyLength].CopyTo(first);
        output[Bolt8Constants.KeyLength..].CopyTo(second);
        CryptographicOperations.ZeroMemory(output);
    }
}
