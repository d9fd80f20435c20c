using Peerd.Crypto;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The ChaCha20-Poly1305 behind the handshake's <c>encryptWithAD</c>/<c>decryptWithAD</c>: one cipher object per
/// thread, keyed with the current <c>temp_k</c> for each operation and wiped (re-keyed with zeros) straight after.
/// </summary>
/// <remarks>
/// Trade-off: a handshake makes four or five AEAD calls under three temporary keys, and a peer can abandon it at any
/// step. A cipher per handshake would cost a native context allocation and free per handshake and, for an abandoned
/// one, leave the context to the finalizer; a cipher per call would cost the allocation each time. The per-thread
/// context costs two re-keys per call (~50 ns each), allocates nothing after the first use on a thread, and holds no
/// key between calls. It is safe because every use is synchronous: no handshake step awaits between setting the key
/// and finishing the operation, so two handshakes on one thread never interleave inside it.
/// </remarks>
internal static class HandshakeAead
{
    // A zero key is written over temp_k after each operation, so no handshake secret lingers in the native context.
    private static readonly byte[] WipeKey = new byte[ChaCha20Poly1305Cipher.KeyLength];

    [ThreadStatic]
    private static ChaCha20Poly1305Cipher? t_cipher;

    /// <summary><c>encryptWithAD(k, n, ad, plaintext)</c>: the ciphertext and its tag.</summary>
    public static void Seal(ReadOnlySpan<byte> key, ulong n, ReadOnlySpan<byte> ad, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag)
    {
        Span<byte> nonce = stackalloc byte[NoiseNonce.Length];
        NoiseNonce.Write(nonce, n);
        var cipher = Keyed(key);
        try
        {
            cipher.Seal(nonce, ad, plaintext, ciphertext, tag);
        }
        finally
        {
            cipher.SetKey(WipeKey);
        }
    }

    /// <summary><c>decryptWithAD(k, n, ad, ciphertext)</c>: false when the tag fails.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> key, ulong n, ReadOnlySpan<byte> ad, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[NoiseNonce.Length];
        NoiseNonce.Write(nonce, n);
        var cipher = Keyed(key);
        try
        {
            return cipher.TryOpen(nonce, ad, ciphertext, tag, plaintext);
        }
        finally
        {
            cipher.SetKey(WipeKey);
        }
    }

    private static ChaCha20Poly1305Cipher Keyed(ReadOnlySpan<byte> key)
    {
        var cipher = t_cipher;
        if (cipher is null)
        {
            // Lives as long as the thread; its SafeHandle frees the native context once the thread is gone.
            t_cipher = new ChaCha20Poly1305Cipher(key);
            return t_cipher;
        }

        cipher.SetKey(key);
        return cipher;
    }
}
