namespace Peerd.Crypto;

/// <summary>
/// Ed25519 (RFC 8032, pure) over OpenSSL 3's EVP one-shot calls, as XRPL validator and publisher master keys use it.
/// OpenSSL's verification refuses a non-canonical <c>S</c> (S ≥ L), which is the check rippled's
/// <c>ed25519Canonical</c> makes before <c>ed25519_sign_open</c>.
/// </summary>
public static unsafe class Ed25519
{
    /// <summary>Length of a raw public key.</summary>
    public const int PublicKeyLength = 32;

    /// <summary>Length of a raw private key (the seed).</summary>
    public const int PrivateKeyLength = 32;

    /// <summary>Length of a signature.</summary>
    public const int SignatureLength = 64;

    /// <summary>True when <paramref name="signature"/> is a valid signature of <paramref name="message"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != SignatureLength || publicKey.Length != PublicKeyLength)
        {
            return false;
        }

        IntPtr key;
        fixed (byte* k = publicKey)
        {
            key = LibCrypto.EvpPkeyNewRawPublicKey(LibCrypto.EvpPkeyEd25519, IntPtr.Zero, k, PublicKeyLength);
        }

        if (key == IntPtr.Zero)
        {
            LibCrypto.ErrClearError();
            return false;
        }

        var context = LibCrypto.EvpMdCtxNew();
        try
        {
            if (context == IntPtr.Zero || LibCrypto.EvpDigestVerifyInit(context, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, key) != 1)
            {
                return false;
            }

            fixed (byte* s = signature)
            fixed (byte* m = message)
            {
                return LibCrypto.EvpDigestVerify(context, s, SignatureLength, m, (nuint)message.Length) == 1;
            }
        }
        finally
        {
            LibCrypto.EvpMdCtxFree(context);
            LibCrypto.EvpPkeyFree(key);
            LibCrypto.ErrClearError();
        }
    }

    /// <summary>Signs <paramref name="message"/> with the 32-byte <paramref name="privateKey"/> into <paramref name="signature"/>; false if the key is unusable.</summary>
    public static bool TrySign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> privateKey, Span<byte> signature)
    {
        if (privateKey.Length != PrivateKeyLength || signature.Length < SignatureLength)
        {
            return false;
        }

        var key = NewPrivateKey(privateKey);
        if (key == IntPtr.Zero)
        {
            return false;
        }

        var context = LibCrypto.EvpMdCtxNew();
        try
        {
            if (context == IntPtr.Zero || LibCrypto.EvpDigestSignInit(context, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, key) != 1)
            {
                return false;
            }

            nuint length = SignatureLength;
            fixed (byte* s = signature)
            fixed (byte* m = message)
            {
                return LibCrypto.EvpDigestSign(context, s, &length, m, (nuint)message.Length) == 1 && length == SignatureLength;
            }
        }
        finally
        {
            LibCrypto.EvpMdCtxFree(context);
            LibCrypto.EvpPkeyFree(key);
            LibCrypto.ErrClearError();
        }
    }

    /// <summary>The raw 32-byte public key of <paramref name="privateKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static byte[] CreatePublicKey(ReadOnlySpan<byte> privateKey)
    {
        var key = privateKey.Length == PrivateKeyLength ? NewPrivateKey(privateKey) : IntPtr.Zero;
        if (key == IntPtr.Zero)
        {
            throw new ArgumentException("expected a 32-byte Ed25519 private key", nameof(privateKey));
        }

        try
        {
            var output = new byte[PublicKeyLength];
            nuint length = PublicKeyLength;
            fixed (byte* o = output)
            {
                if (LibCrypto.EvpPkeyGetRawPublicKey(key, o, &length) != 1 || length != PublicKeyLength)
                {
                    throw new InvalidOperationException("OpenSSL did not return the Ed25519 public key");
                }
            }

            return output;
        }
        finally
        {
            LibCrypto.EvpPkeyFree(key);
        }
    }

    private static IntPtr NewPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        fixed (byte* k = privateKey)
        {
            var key = LibCrypto.EvpPkeyNewRawPrivateKey(LibCrypto.EvpPkeyEd25519, IntPtr.Zero, k, PrivateKeyLength);
            if (key == IntPtr.Zero)
            {
                LibCrypto.ErrClearError();
            }

            return key;
        }
    }
}
