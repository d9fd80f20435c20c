using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// The IETF ChaCha20-Poly1305 AEAD (RFC 8439: 256-bit key, 96-bit nonce, 128-bit tag, associated data) over
/// OpenSSL's EVP interface with one native context per object, reused for every operation and re-keyed in place by
/// <see cref="SetKey"/>. Sealing and opening allocate nothing. Not thread-safe: one operation at a time per object.
/// </summary>
/// <remarks>
/// An authentication failure is a <c>false</c> result, never an exception: hostile input is routine on a network.
/// A native failure on valid arguments throws <see cref="CryptographicException"/>; invalid arguments (wrong key,
/// nonce or tag length, mismatched buffers) throw <see cref="ArgumentException"/>.
/// </remarks>
public sealed unsafe class ChaCha20Poly1305Cipher : IDisposable
{
    /// <summary>Length of a key: 256 bits = 32 bytes.</summary>
    public const int KeyLength = 32;

    /// <summary>Length of a nonce: 96 bits = 12 bytes.</summary>
    public const int NonceLength = 12;

    /// <summary>Length of the Poly1305 tag: 128 bits = 16 bytes.</summary>
    public const int TagLength = 16;

    // Fetched once for the process: the provider's algorithm object, shared by every context (read-only). Fetched
    // on first use rather than in a static initializer, so a missing library surfaces as its own clear
    // DllNotFoundException instead of a TypeInitializationException.
    private static IntPtr s_algorithm;

    private readonly CipherContextHandle _context;

    /// <summary>Creates a cipher keyed with <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not 32 bytes.</exception>
    /// <exception cref="CryptographicException">OpenSSL could not create or key the context.</exception>
    /// <exception cref="DllNotFoundException"><c>libcrypto.so.3</c> is missing (the message names its package).</exception>
    public ChaCha20Poly1305Cipher(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        var algorithm = Algorithm();
        _context = CipherContextHandle.Create();
        if (_context.IsInvalid)
        {
            _context.Dispose();
            throw Failure("EVP_CIPHER_CTX_new");
        }

        try
        {
            fixed (byte* k = key)
            {
                Check(LibCrypto.EvpEncryptInit(_context.DangerousGetHandle(), algorithm, k, null, IntPtr.Zero), "EVP_EncryptInit_ex2");
            }
        }
        catch
        {
            _context.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the key, keeping the native context (BOLT 8 rotates its keys this way).</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The cipher was disposed.</exception>
    public void SetKey(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        var added = false;
        _context.DangerousAddRef(ref added);
        try
        {
            fixed (byte* k = key)
            {
                Check(LibCrypto.EvpEncryptInit(_context.DangerousGetHandle(), IntPtr.Zero, k, null, IntPtr.Zero), "EVP_EncryptInit_ex2");
            }
        }
        finally
        {
            _context.DangerousRelease();
        }
    }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (same length; may be the same memory)
    /// and writes the 16-byte tag over the ciphertext and <paramref name="associatedData"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A wrong nonce or tag length, a ciphertext of another length than the plaintext, or buffers that partly overlap.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cipher was disposed.</exception>
    public void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag)
    {
        CheckArguments(nonce, tag.Length, plaintext, ciphertext);
        var added = false;
        _context.DangerousAddRef(ref added);
        try
        {
            var ctx = _context.DangerousGetHandle();
            int written;
            fixed (byte* n = nonce)
            fixed (byte* a = associatedData)
            fixed (byte* p = plaintext)
            fixed (byte* c = ciphertext)
            fixed (byte* t = tag)
            {
                Check(LibCrypto.EvpEncryptInit(ctx, IntPtr.Zero, null, n, IntPtr.Zero), "EVP_EncryptInit_ex2");
                if (!associatedData.IsEmpty)
                {
                    // A null output marks the input as associated data.
                    Check(LibCrypto.EvpEncryptUpdate(ctx, null, &written, a, associatedData.Length), "EVP_EncryptUpdate");
                }

                if (!plaintext.IsEmpty)
                {
                    Check(LibCrypto.EvpEncryptUpdate(ctx, c, &written, p, plaintext.Length), "EVP_EncryptUpdate");
                    CheckWritten(written, plaintext.Length);
                }

                // A stream cipher writes nothing here; the output pointer only has to be valid.
                byte unused;
                Check(LibCrypto.EvpEncryptFinal(ctx, &unused, &written), "EVP_EncryptFinal_ex");
                Check(LibCrypto.EvpCipherCtxCtrl(ctx, LibCrypto.CtrlAeadGetTag, TagLength, t), "EVP_CTRL_AEAD_GET_TAG");
            }
        }
        finally
        {
            _context.DangerousRelease();
        }
    }

    /// <summary>
    /// Checks the tag over <paramref name="ciphertext"/> and <paramref name="associatedData"/> and decrypts into
    /// <paramref name="plaintext"/> (same length; may be the same memory).
    /// </summary>
    /// <returns>
    /// False when the tag does not match (forged or corrupted input, wrong key, nonce or associated data); the
    /// plaintext buffer is then zeroed, so nothing unauthenticated is left in it.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// A wrong nonce or tag length, a plaintext of another length than the ciphertext, or buffers that partly overlap.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cipher was disposed.</exception>
    public bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext)
    {
        CheckArguments(nonce, tag.Length, ciphertext, plaintext);
        var added = false;
        _context.DangerousAddRef(ref added);
        try
        {
            var ctx = _context.DangerousGetHandle();
            int written;
            fixed (byte* n = nonce)
            fixed (byte* a = associatedData)
            fixed (byte* c = ciphertext)
            fixed (byte* t = tag)
            fixed (byte* p = plaintext)
            {
                Check(LibCrypto.EvpDecryptInit(ctx, IntPtr.Zero, null, n, IntPtr.Zero), "EVP_DecryptInit_ex2");
                Check(LibCrypto.EvpCipherCtxCtrl(ctx, LibCrypto.CtrlAeadSetTag, TagLength, t), "EVP_CTRL_AEAD_SET_TAG");
                if (!associatedData.IsEmpty)
                {
                    Check(LibCrypto.EvpDecryptUpdate(ctx, null, &written, a, associatedData.Length), "EVP_DecryptUpdate");
                }

                if (!ciphertext.IsEmpty)
                {
                    Check(LibCrypto.EvpDecryptUpdate(ctx, p, &written, c, ciphertext.Length), "EVP_DecryptUpdate");
                    CheckWritten(written, ciphertext.Length);
                }

                // Final computes the tag and compares it (in constant time) with the one set above.
                byte unused;
                if (LibCrypto.EvpDecryptFinal(ctx, &unused, &written) != 1)
                {
                    LibCrypto.ErrClearError();
                    CryptographicOperations.ZeroMemory(plaintext);
                    return false;
                }

                return true;
            }
        }
        finally
        {
            _context.DangerousRelease();
        }
    }

    /// <summary>Frees the native context, which OpenSSL cleanses of the key.</summary>
    public void Dispose() => _context.Dispose();

    private static IntPtr Algorithm()
    {
        var algorithm = Volatile.Read(ref s_algorithm);
        if (algorithm != IntPtr.Zero)
        {
            return algorithm;
        }

        algorithm = LibCrypto.EvpCipherFetch(IntPtr.Zero, "ChaCha20-Poly1305", null);
        if (algorithm == IntPtr.Zero)
        {
            throw Failure("EVP_CIPHER_fetch(ChaCha20-Poly1305)");
        }

        // Two threads may race here; the loser releases its reference and uses the winner's.
        var winner = Interlocked.CompareExchange(ref s_algorithm, algorithm, IntPtr.Zero);
        if (winner == IntPtr.Zero)
        {
            return algorithm;
        }

        LibCrypto.EvpCipherFree(algorithm);
        return winner;
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"a ChaCha20-Poly1305 key is {KeyLength} bytes, not {key.Length}", nameof(key));
        }
    }

    private static void CheckArguments(ReadOnlySpan<byte> nonce, int tagLength, ReadOnlySpan<byte> input, ReadOnlySpan<byte> output)
    {
        if (nonce.Length != NonceLength)
        {
            throw new ArgumentException($"a ChaCha20-Poly1305 nonce is {NonceLength} bytes, not {nonce.Length}", nameof(nonce));
        }

        if (tagLength != TagLength)
        {
            throw new ArgumentException($"a Poly1305 tag is {TagLength} bytes, not {tagLength}", "tag");
        }

        if (input.Length != output.Length)
        {
            throw new ArgumentException($"input and output must have the same length ({input.Length} and {output.Length})", nameof(output));
        }

        // In place (the same memory) is supported; a shifted overlap would read bytes already overwritten.
        if (input.Overlaps(output, out var offset) && offset != 0)
        {
            throw new ArgumentException("input and output overlap without being the same memory", nameof(output));
        }
    }

    private static void CheckWritten(int written, int expected)
    {
        if (written != expected)
        {
            throw new CryptographicException($"OpenSSL wrote {written} bytes, not {expected}");
        }
    }

    private static void Check(int result, string function)
    {
        if (result != 1)
        {
            throw Failure(function);
        }
    }

    private static CryptographicException Failure(string function)
    {
        LibCrypto.ErrClearError();
        return new CryptographicException($"{function} failed");
    }
}
