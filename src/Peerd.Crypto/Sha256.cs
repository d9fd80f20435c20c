namespace Peerd.Crypto;

/// <summary>
/// One-shot SHA-256 (FIPS 180-4) over OpenSSL's EVP digest, with the thread's reused <see cref="Sha256Hasher"/>: no
/// heap allocation, no provider fetch per call. The digest may overlap the input, so Noise's
/// <c>h = SHA-256(h || data)</c> is <c>Hash(h, data, h)</c> without a copy. Thread-safe.
/// </summary>
public static class Sha256
{
    /// <summary>Length of a digest: 256 bits = 32 bytes.</summary>
    public const int HashLength = 32;

    /// <summary>Length of the block SHA-256 compresses: 512 bits = 64 bytes (HMAC pads its key to this).</summary>
    public const int BlockLength = 64;

    /// <summary>Writes <c>SHA-256(data)</c> into the first 32 bytes of <paramref name="digest"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest) => Hash(data, [], digest);

    /// <summary>Writes <c>SHA-256(first ‖ second)</c> into the first 32 bytes of <paramref name="digest"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> digest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digest.Length, HashLength, nameof(digest));
        var hasher = Sha256Hasher.Rent();
        try
        {
            hasher.Append(first);
            hasher.Append(second);
            hasher.Finish(digest);
        }
        finally
        {
            Sha256Hasher.Return(hasher);
        }
    }

    /// <summary>Returns <c>SHA-256(data)</c> as a new array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new byte[HashLength];
        Hash(data, digest);
        return digest;
    }
}
