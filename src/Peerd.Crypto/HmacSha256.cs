namespace Peerd.Crypto;

/// <summary>
/// HMAC-SHA256 (RFC 2104, RFC 4231) over <see cref="Sha256Hasher"/>: no heap allocation, intermediate secrets wiped
/// from the stack. Thread-safe.
/// </summary>
public static class HmacSha256
{
    /// <summary>Length of a MAC: 32 bytes, the SHA-256 digest.</summary>
    public const int MacLength = Sha256.HashLength;

    /// <summary>
    /// Writes <c>HMAC-SHA256(key, data)</c> into the first 32 bytes of <paramref name="mac"/>, which may overlap the
    /// inputs. Any key length works (longer than 64 bytes is hashed first, as RFC 2104 says).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="mac"/> is shorter than 32 bytes.</exception>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mac.Length, MacLength, nameof(mac));
        var prepared = new HmacSha256Key(key);
        prepared.Compute(data, [], [], mac);
        prepared.Clear();
    }
}
