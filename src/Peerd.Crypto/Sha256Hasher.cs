using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// An incremental SHA-256 (FIPS 180-4) whose whole state is this value (112 bytes of OpenSSL's <c>SHA256_CTX</c>), so
/// it lives on the stack or inline in its owner and needs no disposal. Copying the value forks the computation (HMAC
/// keeps its padded-key states that way). Not thread-safe.
/// </summary>
/// <remarks>
/// <c>default(Sha256Hasher)</c> is not started: <see cref="Append"/> and <see cref="Finish"/> throw
/// <see cref="InvalidOperationException"/> on it. Create one with <c>new Sha256Hasher()</c>.
/// </remarks>
public unsafe struct Sha256Hasher
{
    private Sha256Context _context;
    private bool _started;

    /// <summary>Starts a new hash.</summary>
    /// <exception cref="CryptographicException">OpenSSL failed (never for valid use).</exception>
    public Sha256Hasher()
    {
        Reset();
    }

    /// <summary>Starts over, discarding what was appended.</summary>
    /// <exception cref="CryptographicException">OpenSSL failed (never for valid use).</exception>
    public void Reset()
    {
        fixed (Sha256Context* c = &_context)
        {
            Check(LibCrypto.Sha256Init(c), "SHA256_Init");
        }

        _started = true;
    }

    /// <summary>Appends <paramref name="data"/> to the message.</summary>
    /// <exception cref="InvalidOperationException">The hasher was not started (a <c>default</c> value).</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        ThrowIfNotStarted();
        if (data.IsEmpty)
        {
            return;
        }

        fixed (Sha256Context* c = &_context)
        fixed (byte* d = data)
        {
            Check(LibCrypto.Sha256Update(c, d, (nuint)data.Length), "SHA256_Update");
        }
    }

    /// <summary>
    /// Writes the 32-byte digest of everything appended, then wipes the state (start again with <see cref="Reset"/>).
    /// <paramref name="digest"/> may overlap data appended earlier.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is shorter than 32 bytes.</exception>
    /// <exception cref="InvalidOperationException">The hasher was not started (a <c>default</c> value).</exception>
    public void Finish(Span<byte> digest)
    {
        ThrowIfNotStarted();
        ArgumentOutOfRangeException.ThrowIfLessThan(digest.Length, Sha256.HashLength, nameof(digest));
        fixed (Sha256Context* c = &_context)
        fixed (byte* d = digest)
        {
            Check(LibCrypto.Sha256Final(d, c), "SHA256_Final");
        }

        Clear();
    }

    /// <summary>Zeroes the state (it may be derived from a secret, such as HMAC's padded key).</summary>
    internal void Clear()
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<uint>)_context));
        _started = false;
    }

    private static void Check(int result, string function)
    {
        if (result != 1)
        {
            LibCrypto.ErrClearError();
            throw new CryptographicException($"{function} failed");
        }
    }

    private readonly void ThrowIfNotStarted()
    {
        if (!_started)
        {
            throw new InvalidOperationException("the SHA-256 hasher was not started: create it with new Sha256Hasher()");
        }
    }
}
