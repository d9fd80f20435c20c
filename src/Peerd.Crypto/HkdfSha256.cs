using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// HKDF with HMAC-SHA256 (RFC 5869) over <see cref="HmacSha256"/>: no heap allocation, the pseudorandom key and
/// intermediate blocks wiped from the stack. Unlike OpenSSL's HKDF (and so <see cref="HKDF"/> on Linux), an empty
/// input keying material is accepted: BOLT 8's final <c>HKDF(ck, zero)</c> needs it. Thread-safe.
/// </summary>
public static class HkdfSha256
{
    /// <summary>Length of the pseudorandom key <c>PRK</c>: HashLen = 32 bytes.</summary>
    public const int PseudorandomKeyLength = Sha256.HashLength;

    /// <summary>The longest output: "L length of output keying material in octets (&lt;= 255*HashLen)" = 8160 bytes.</summary>
    public const int MaxOutputLength = 255 * Sha256.HashLength;

    /// <summary>
    /// <c>PRK = HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM)</c>; an empty salt acts as "a string of HashLen
    /// zeros". <paramref name="pseudorandomKey"/> may overlap the inputs.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="pseudorandomKey"/> is shorter than 32 bytes.</exception>
    public static void Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> inputKeyMaterial, Span<byte> pseudorandomKey) =>
        HmacSha256.Compute(salt, inputKeyMaterial, pseudorandomKey);

    /// <summary>
    /// <c>OKM = HKDF-Expand(PRK, info, L)</c> with L = <paramref name="output"/>'s length:
    /// <c>T(i) = HMAC-Hash(PRK, T(i-1) | info | i)</c>, OKM the first L bytes of <c>T(1) | T(2) | …</c>.
    /// <paramref name="output"/> may overlap <paramref name="pseudorandomKey"/> but not <paramref name="info"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The key is shorter than 32 bytes ("a pseudorandom key of at least HashLen octets"), the output is longer
    /// than 8160 bytes, or the output overlaps <paramref name="info"/>.
    /// </exception>
    public static void Expand(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> info, Span<byte> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pseudorandomKey.Length, PseudorandomKeyLength, nameof(pseudorandomKey));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(output.Length, MaxOutputLength, nameof(output));
        if (output.Overlaps(info))
        {
            throw new ArgumentException("the output must not overlap info", nameof(output));
        }

        var key = new HmacSha256Key(pseudorandomKey);
        Span<byte> block = stackalloc byte[Sha256.HashLength];
        Span<byte> counter = stackalloc byte[1];
        scoped ReadOnlySpan<byte> previous = default;
        for (var offset = 0; offset < output.Length; offset += Sha256.HashLength)
        {
            counter[0] = (byte)((offset / Sha256.HashLength) + 1);
            key.Compute(previous, info, counter, block);
            var take = Math.Min(Sha256.HashLength, output.Length - offset);
            block[..take].CopyTo(output[offset..]);
            previous = block;
        }

        key.Clear();
        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>
    /// Extract then expand: <c>OKM = HKDF-Expand(HKDF-Extract(salt, IKM), info, L)</c>, L = <paramref name="output"/>'s
    /// length. <paramref name="output"/> may overlap the salt and the key material but not <paramref name="info"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The output is longer than 8160 bytes or overlaps <paramref name="info"/>.</exception>
    public static void DeriveKey(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> info, Span<byte> output)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(output.Length, MaxOutputLength, nameof(output));
        Span<byte> prk = stackalloc byte[PseudorandomKeyLength];
        Extract(salt, inputKeyMaterial, prk);
        Expand(prk, info, output);
        CryptographicOperations.ZeroMemory(prk);
    }

    /// <summary>
    /// Noise's two-output <c>HKDF(chaining_key, input_key_material)</c> as BOLT 8 uses it ("evaluated with a
    /// zero-length info field"): 64 bytes of output, the first 32 into <paramref name="first"/> and the next 32 into
    /// <paramref name="second"/>. Both inputs are read before either output is written, so <c>ck, k = HKDF(ck, k)</c>
    /// may pass the same memory in and out. The key material may be empty.
    /// </summary>
    /// <exception cref="ArgumentException">An output is shorter than 32 bytes.</exception>
    public static void DeriveTwoKeys(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> inputKeyMaterial, Span<byte> first, Span<byte> second)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first.Length, Sha256.HashLength, nameof(first));
        ArgumentOutOfRangeException.ThrowIfLessThan(second.Length, Sha256.HashLength, nameof(second));

        // PRK = HMAC(salt, IKM); T(1) = HMAC(PRK, 0x01); T(2) = HMAC(PRK, T(1) | 0x02). Everything lands on the stack
        // before the outputs, which may be the inputs, are written.
        Span<byte> prk = stackalloc byte[PseudorandomKeyLength];
        Extract(salt, inputKeyMaterial, prk);
        var key = new HmacSha256Key(prk);
        CryptographicOperations.ZeroMemory(prk);

        Span<byte> okm = stackalloc byte[2 * Sha256.HashLength];
        ReadOnlySpan<byte> one = [0x01];
        ReadOnlySpan<byte> two = [0x02];
        key.Compute(one, [], [], okm[..Sha256.HashLength]);
        key.Compute(okm[..Sha256.HashLength], two, [], okm[Sha256.HashLength..]);
        key.Clear();

        okm[..Sha256.HashLength].CopyTo(first);
        okm[Sha256.HashLength..].CopyTo(second);
        CryptographicOperations.ZeroMemory(okm);
    }
}
