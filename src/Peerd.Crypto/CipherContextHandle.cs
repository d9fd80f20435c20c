using Microsoft.Win32.SafeHandles;

namespace Peerd.Crypto;

/// <summary>
/// Owns one OpenSSL <c>EVP_CIPHER_CTX</c>: freed (and, by OpenSSL, cleansed of its key) when disposed or, for a
/// leaked owner, by the finalizer, so no native context outlives its cipher object.
/// </summary>
internal sealed class CipherContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Required by the runtime; use <see cref="Create"/>.</summary>
    public CipherContextHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Allocates a context; <c>IsInvalid</c> is true when OpenSSL is out of memory.</summary>
    public static CipherContextHandle Create()
    {
        var handle = new CipherContextHandle();
        handle.SetHandle(LibCrypto.EvpCipherCtxNew());
        return handle;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // EVP_CIPHER_CTX_free resets the context first, and the ChaCha20-Poly1305 provider clears its key state.
        LibCrypto.EvpCipherCtxFree(handle);
        return true;
    }
}
