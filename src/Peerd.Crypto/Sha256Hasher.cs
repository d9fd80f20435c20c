using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// An incremental SHA-256 (FIPS 180-4) over OpenSSL's EVP digest API: one native context, reused across messages
/// (<see cref="Reset"/>), so hashing allocates nothing after construction. <see cref="Sha256"/> and HMAC keep one per
/// thread (<see cref="Rent"/>). Not thread-safe; dispose it.
/// </summary>
public sealed unsafe class Sha256Hasher : IDisposable
{
    // Fetched once for the process: EVP_MD_fetch looks the algorithm up in the provider, which is the cost the
    // one-shot EVP_Digest would pay on every call. Never freed (process lifetime).
    private static readonly IntPtr Algorithm = FetchAlgorithm();

    [ThreadStatic]
    private static Sha256Hasher? _spare;

    private readonly DigestContextHandle _context;
    private bool _started;

    /// <summary>Starts a new hash.</summary>
    /// <exception cref="CryptographicException">OpenSSL failed (out of memory).</exception>
    public Sha256Hasher()
    {
        _context = DigestContextHandle.Create();
        if (_context.IsInvalid)
        {
            _context.Dispose();
            throw new CryptographicException("EVP_MD_CTX_new failed");
        }

        Reset();
    }

    /// <summary>Starts over, discarding what was appended.</summary>
    /// <exception cref="CryptographicException">OpenSSL failed (never for valid use).</exception>
    /// <exception cref="ObjectDisposedException">The hasher was disposed.</exception>
    public void Reset()
    {
        Check(LibCrypto.EvpDigestInit(Context, Algorithm, IntPtr.Zero), "EVP_DigestInit_ex2");
        _started = true;
    }

    /// <summary>Appends <paramref name="data"/> to the message.</summary>
    /// <exception cref="InvalidOperationException">The hasher was finished and not <see cref="Reset"/>.</exception>
    /// <exception cref="ObjectDisposedException">The hasher was disposed.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        ThrowIfNotStarted();
        if (data.IsEmpty)
        {
            return;
        }

        fixed (byte* d = data)
        {
            Check(LibCrypto.EvpDigestUpdate(Context, d, (nuint)data.Length), "EVP_DigestUpdate");
        }
    }

    /// <summary>
    /// Writes the 32-byte digest of everything appended; start again with <see cref="Reset"/>.
    /// <paramref name="digest"/> may overlap data appended earlier.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is shorter than 32 bytes.</exception>
    /// <exception cref="InvalidOperationException">The hasher was finished and not <see cref="Reset"/>.</exception>
    /// <exception cref="ObjectDisposedException">The hasher was disposed.</exception>
    public void Finish(Span<byte> digest)
    {
        ThrowIfNotStarted();
        ArgumentOutOfRangeException.ThrowIfLessThan(digest.Length, Sha256.HashLength, nameof(digest));
        uint length;
        fixed (byte* d = digest)
        {
            Check(LibCrypto.EvpDigestFinal(Context, d, &length), "EVP_DigestFinal_ex");
        }

        _started = false;
    }

    /// <summary>Frees the native context; OpenSSL cleanses the digest state.</summary>
    public void Dispose()
    {
        _started = false;
        _context.Dispose();
    }

    /// <summary>
    /// This thread's started hasher, or a new one when it is out (a nested use): what <see cref="Sha256"/> and HMAC
    /// hash with, so that they allocate nothing in steady state. Give it back with <see cref="Return"/>.
    /// </summary>
    internal static Sha256Hasher Rent()
    {
        var hasher = _spare;
        if (hasher is null)
        {
            return new Sha256Hasher();
        }

        _spare = null;
        hasher.Reset();
        return hasher;
    }

    /// <summary>Gives back a hasher from <see cref="Rent"/>: kept as this thread's, or disposed if it has one.</summary>
    internal static void Return(Sha256Hasher hasher)
    {
        if (_spare is null)
        {
            _spare = hasher;
        }
        else
        {
            hasher.Dispose();
        }
    }

    private IntPtr Context
    {
        get
        {
            ObjectDisposedException.ThrowIf(_context.IsClosed, this);
            return _context.DangerousGetHandle();
        }
    }

    private static IntPtr FetchAlgorithm()
    {
        var algorithm = LibCrypto.EvpMdFetch(IntPtr.Zero, "SHA256", null);
        if (algorithm == IntPtr.Zero)
        {
            LibCrypto.ErrClearError();
            throw new CryptographicException("EVP_MD_fetch(SHA256) failed");
        }

        return algorithm;
    }

    private static void Check(int result, string function)
    {
        if (result != 1)
        {
            LibCrypto.ErrClearError();
            throw new CryptographicException($"{function} failed");
        }
    }

    private void ThrowIfNotStarted()
    {
        if (!_started)
        {
            ObjectDisposedException.ThrowIf(_context.IsClosed, this);
            throw new InvalidOperationException("the SHA-256 hasher is finished: Reset it to hash another message");
        }
    }
}
