using Peerd.Crypto;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// BOLT #8's <c>HKDF(salt, ikm)</c>: "HKDF as defined in RFC 5869, evaluated with a zero-length info field", 64 bytes
/// of output split into two 32-byte keys. Used for every <c>MixKey</c>, for <c>Split</c> and for key rotation.
/// </summary>
/// <remarks>
/// <see cref="HkdfSha256.DeriveTwoKeys"/> over libcrypto's SHA-256 (under 1 µs, against 2.3 µs for
/// System.Security.Cryptography's <c>HKDF.DeriveKey</c>; <c>NoiseHkdfBenchmarks</c>, docs/PERFORMANCE.md). It accepts the empty key
/// material of the final <c>Split</c>, which OpenSSL's own HKDF rejects.
/// </remarks>
internal static class NoiseHkdf
{
    /// <summary>
    /// Derives <c>(first, second) = HKDF(salt, ikm)</c>. The outputs may alias the inputs (<c>ck, k = HKDF(ck, k)</c>):
    /// both inputs are read before either output is written.
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm, Span<byte> first, Span<byte> second) =>
        HkdfSha256.DeriveTwoKeys(salt, ikm, first, second);
}
