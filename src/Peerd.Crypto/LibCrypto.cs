using System.Runtime.InteropServices;

namespace Peerd.Crypto;

/// <summary>
/// The thin P/Invoke surface over OpenSSL 3's <c>libcrypto.so.3</c> (Debian package <c>libssl3</c>): the EVP digest
/// calls for SHA-256, the EVP AEAD calls for ChaCha20-Poly1305 and the EVP one-shot Ed25519 sign/verify calls. Called directly rather than through
/// System.Security.Cryptography, whose per-call shim (provider fetch, context allocation, exception plumbing) costs
/// several times the work for the 32–65-byte inputs BOLT 8 hashes and encrypts.
/// </summary>
/// <remarks>
/// SHA-256 goes through <c>EVP_Digest*</c> with the algorithm fetched once and a context reused per thread
/// (<see cref="Sha256Hasher"/>), not the low-level <c>SHA256_Init/Update/Final</c>, which OpenSSL 3 deprecates (a
/// <c>no-deprecated</c> build drops them). Every function here returns 1 on success unless it returns a pointer.
/// </remarks>
internal static unsafe partial class LibCrypto
{
    internal const string LibraryName = "crypto";

    /// <summary>The Debian package that provides the library, named in every load error.</summary>
    internal const string DebianPackage = "libssl3";

    /// <summary>The shared objects tried, in order: OpenSSL 3 only (1.1 lacks <c>EVP_CIPHER_fetch</c>).</summary>
    internal static readonly string[] Candidates = ["libcrypto.so.3", "libcrypto.3.dylib"];

    /// <summary><c>EVP_CTRL_AEAD_GET_TAG</c> (openssl/evp.h).</summary>
    internal const int CtrlAeadGetTag = 0x10;

    /// <summary><c>EVP_CTRL_AEAD_SET_TAG</c> (openssl/evp.h).</summary>
    internal const int CtrlAeadSetTag = 0x11;

    static LibCrypto()
    {
        NativeLibraryResolver.EnsureRegistered();
    }

    [LibraryImport(LibraryName, EntryPoint = "EVP_MD_fetch", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr EvpMdFetch(IntPtr libraryContext, string algorithm, string? properties);

    [LibraryImport(LibraryName, EntryPoint = "EVP_MD_CTX_new")]
    internal static partial IntPtr EvpMdCtxNew();

    [LibraryImport(LibraryName, EntryPoint = "EVP_MD_CTX_free")]
    internal static partial void EvpMdCtxFree(IntPtr context);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DigestInit_ex2")]
    internal static partial int EvpDigestInit(IntPtr context, IntPtr digest, IntPtr parameters);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DigestUpdate")]
    internal static partial int EvpDigestUpdate(IntPtr context, byte* data, nuint length);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DigestFinal_ex")]
    internal static partial int EvpDigestFinal(IntPtr context, byte* digest, uint* length);

    [LibraryImport(LibraryName, EntryPoint = "EVP_CIPHER_fetch", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr EvpCipherFetch(IntPtr libraryContext, string algorithm, string? properties);

    [LibraryImport(LibraryName, EntryPoint = "EVP_CIPHER_free")]
    internal static partial void EvpCipherFree(IntPtr cipher);

    [LibraryImport(LibraryName, EntryPoint = "EVP_CIPHER_CTX_new")]
    internal static partial IntPtr EvpCipherCtxNew();

    [LibraryImport(LibraryName, EntryPoint = "EVP_CIPHER_CTX_free")]
    internal static partial void EvpCipherCtxFree(IntPtr context);

    [LibraryImport(LibraryName, EntryPoint = "EVP_CIPHER_CTX_ctrl")]
    internal static partial int EvpCipherCtxCtrl(IntPtr context, int type, int arg, void* ptr);

    [LibraryImport(LibraryName, EntryPoint = "EVP_EncryptInit_ex2")]
    internal static partial int EvpEncryptInit(IntPtr context, IntPtr cipher, byte* key, byte* iv, IntPtr parameters);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DecryptInit_ex2")]
    internal static partial int EvpDecryptInit(IntPtr context, IntPtr cipher, byte* key, byte* iv, IntPtr parameters);

    [LibraryImport(LibraryName, EntryPoint = "EVP_EncryptUpdate")]
    internal static partial int EvpEncryptUpdate(IntPtr context, byte* output, int* outputLength, byte* input, int inputLength);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DecryptUpdate")]
    internal static partial int EvpDecryptUpdate(IntPtr context, byte* output, int* outputLength, byte* input, int inputLength);

    [LibraryImport(LibraryName, EntryPoint = "EVP_EncryptFinal_ex")]
    internal static partial int EvpEncryptFinal(IntPtr context, byte* output, int* outputLength);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DecryptFinal_ex")]
    internal static partial int EvpDecryptFinal(IntPtr context, byte* output, int* outputLength);

    /// <summary><c>EVP_PKEY_ED25519</c> (= <c>NID_ED25519</c>, openssl/obj_mac.h).</summary>
    internal const int EvpPkeyEd25519 = 1087;

    [LibraryImport(LibraryName, EntryPoint = "EVP_PKEY_new_raw_public_key")]
    internal static partial IntPtr EvpPkeyNewRawPublicKey(int type, IntPtr engine, byte* key, nuint keyLength);

    [LibraryImport(LibraryName, EntryPoint = "EVP_PKEY_new_raw_private_key")]
    internal static partial IntPtr EvpPkeyNewRawPrivateKey(int type, IntPtr engine, byte* key, nuint keyLength);

    [LibraryImport(LibraryName, EntryPoint = "EVP_PKEY_get_raw_public_key")]
    internal static partial int EvpPkeyGetRawPublicKey(IntPtr key, byte* output, nuint* outputLength);

    [LibraryImport(LibraryName, EntryPoint = "EVP_PKEY_free")]
    internal static partial void EvpPkeyFree(IntPtr key);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DigestVerifyInit")]
    internal static partial int EvpDigestVerifyInit(IntPtr context, IntPtr keyContext, IntPtr digest, IntPtr engine, IntPtr key);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DigestVerify")]
    internal static partial int EvpDigestVerify(IntPtr context, byte* signature, nuint signatureLength, byte* data, nuint dataLength);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DigestSignInit")]
    internal static partial int EvpDigestSignInit(IntPtr context, IntPtr keyContext, IntPtr digest, IntPtr engine, IntPtr key);

    [LibraryImport(LibraryName, EntryPoint = "EVP_DigestSign")]
    internal static partial int EvpDigestSign(IntPtr context, byte* signature, nuint* signatureLength, byte* data, nuint dataLength);

    [LibraryImport(LibraryName, EntryPoint = "ERR_clear_error")]
    internal static partial void ErrClearError();
}
