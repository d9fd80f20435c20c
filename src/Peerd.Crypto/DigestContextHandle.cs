using Microsoft.Win32.SafeHandles;

namespace Peerd.Crypto;

/// <summary>
/// Owns one OpenSSL <c>EVP_MD_CTX</c>: freed (and, by OpenSSL, its digest state cleansed) when disposed or, for a
/// leaked owner, by the finalizer.
/// </summary>
internal sealed class DigestContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Required by the runtime; use <see cref="Create"/>.</summary>
    public DigestContextHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Allocates a context; <c>IsInvalid</c> is true when OpenSSL is out of memory.</summary>
    public static DigestContextHandle Create()
    {
        var handle = new DigestContextHandle();
        handle.SetHandle(LibCrypto.EvpMdCtxNew());
        return handle;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        LibCrypto.EvpMdCtxFree(handle);
        return true;
    }
}
