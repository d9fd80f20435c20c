using System.Security.Cryptography;

namespace Peerd.Crypto;

/// <summary>
/// secp256k1 operations over <c>libsecp256k1</c>: key validation, public keys, BOLT 8 ECDH and ECDSA (compact and
/// DER). All methods are thread-safe: they share one read-only, randomised context. Failures caused by input (a point
/// not on the curve, a bad signature) are returned as <c>false</c>; none throws for bad input.
/// </summary>
public static unsafe class Secp256k1
{
    /// <summary>Length of a private key.</summary>
    public const int PrivateKeyLength = 32;

    /// <summary>Length of a compressed public key (<c>02</c>/<c>03</c> prefix and x).</summary>
    public const int PublicKeyLength = 33;

    /// <summary>Length of a compact (r ‖ s) ECDSA signature.</summary>
    public const int CompactSignatureLength = 64;

    /// <summary>Maximum length of a DER-encoded ECDSA signature.</summary>
    public const int MaxDerSignatureLength = 72;

    /// <summary>Length of the BOLT 8 ECDH output (SHA256 of the compressed shared point).</summary>
    public const int SharedSecretLength = 32;

    /// <summary>Length of libsecp256k1's opaque <c>secp256k1_pubkey</c>.</summary>
    internal const int InternalKeyLength = 64;
    private static readonly IntPtr Context = CreateContext();

    private static IntPtr CreateContext()
    {
        Secp256k1Native.EnsureResolver();
        IntPtr ctx;
        try
        {
            ctx = Secp256k1Native.ContextCreate(Secp256k1Native.ContextSign | Secp256k1Native.ContextVerify);
        }
        catch (DllNotFoundException e)
        {
            throw NativeLibraryResolver.NotFound("libsecp256k1", Secp256k1Native.DebianPackage, e);
        }

        if (ctx == IntPtr.Zero)
        {
            throw new InvalidOperationException("secp256k1_context_create failed");
        }

        // Blinding against side channels; done once, before the context is shared between threads.
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* s = seed)
        {
            Secp256k1Native.ContextRandomize(ctx, s);
        }

        return ctx;
    }

    /// <summary>Throws a clear <see cref="DllNotFoundException"/> naming the package when the library is missing.</summary>
    public static void EnsureAvailable() => _ = Context;

    /// <summary>True when <paramref name="privateKey"/> is 32 bytes and a valid scalar (non-zero, below the order).</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            return false;
        }

        fixed (byte* k = privateKey)
        {
            return Secp256k1Native.SeckeyVerify(Context, k) == 1;
        }
    }

    /// <summary>True when <paramref name="publicKey"/> is a 33-byte compressed encoding of a point on the curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> parsed = stackalloc byte[InternalKeyLength];
        return publicKey.Length == PublicKeyLength && TryParse(publicKey, parsed);
    }

    /// <summary>Derives the compressed public key of <paramref name="privateKey"/>.</summary>
    public static bool TryCreatePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        if (privateKey.Length != PrivateKeyLength || publicKey.Length < PublicKeyLength)
        {
            return false;
        }

        Span<byte> point = stackalloc byte[InternalKeyLength];
        fixed (byte* k = privateKey)
        fixed (byte* p = point)
        {
            if (Secp256k1Native.PubkeyCreate(Context, p, k) != 1)
            {
                return false;
            }
        }

        return Serialize(point, publicKey, compressed: true) == PublicKeyLength;
    }

    /// <summary>Derives the compressed public key; throws <see cref="ArgumentException"/> for an invalid key.</summary>
    public static byte[] CreatePublicKey(ReadOnlySpan<byte> privateKey)
    {
        var pub = new byte[PublicKeyLength];
        if (!TryCreatePublicKey(privateKey, pub))
        {
            throw new ArgumentException("not a valid secp256k1 private key", nameof(privateKey));
        }

        return pub;
    }

    /// <summary>
    /// BOLT 8 <c>ECDH(k, rk)</c>: SHA256 of the compressed encoding of <c>k·rk</c>. Returns false when
    /// <paramref name="publicKey"/> is not a valid compressed point or the private key is invalid.
    /// </summary>
    public static bool TryEcdh(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedSecret)
    {
        if (privateKey.Length != PrivateKeyLength || publicKey.Length != PublicKeyLength || sharedSecret.Length < SharedSecretLength)
        {
            return false;
        }

        Span<byte> point = stackalloc byte[InternalKeyLength];
        if (!TryParse(publicKey, point))
        {
            return false;
        }

        // A null hash function selects libsecp256k1's default, SHA256(0x02|y-parity ‖ x): exactly BOLT 8's ECDH.
        fixed (byte* o = sharedSecret)
        fixed (byte* p = point)
        fixed (byte* k = privateKey)
        {
            return Secp256k1Native.Ecdh(Context, o, p, k, IntPtr.Zero, IntPtr.Zero) == 1;
        }
    }

    /// <summary>
    /// <see cref="TryEcdh(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> with a key parsed beforehand, which
    /// skips the decompression when one remote key serves several ECDHs. False when the private key is invalid or
    /// <paramref name="publicKey"/> was never parsed (<c>default</c>).
    /// </summary>
    public static bool TryEcdh(ReadOnlySpan<byte> privateKey, in Secp256k1PublicKey publicKey, Span<byte> sharedSecret)
    {
        var point = publicKey.Point;
        if (privateKey.Length != PrivateKeyLength || point.Length != InternalKeyLength || sharedSecret.Length < SharedSecretLength)
        {
            return false;
        }

        fixed (byte* o = sharedSecret)
        fixed (byte* p = point)
        fixed (byte* k = privateKey)
        {
            return Secp256k1Native.Ecdh(Context, o, p, k, IntPtr.Zero, IntPtr.Zero) == 1;
        }
    }

    /// <summary>Signs a 32-byte digest (RFC 6979 nonce, low-S) and writes the 64-byte compact signature.</summary>
    public static bool TrySignCompact(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> privateKey, Span<byte> signature)
    {
        if (signature.Length < CompactSignatureLength)
        {
            return false;
        }

        Span<byte> sig = stackalloc byte[CompactSignatureLength];
        if (!TrySignInternal(digest, privateKey, sig))
        {
            return false;
        }

        fixed (byte* o = signature)
        fixed (byte* s = sig)
        {
            return Secp256k1Native.EcdsaSignatureSerializeCompact(Context, o, s) == 1;
        }
    }

    /// <summary>Signs a 32-byte digest and writes the strict-DER signature; returns its length, or 0 on failure.</summary>
    public static int SignDer(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> privateKey, Span<byte> signature)
    {
        Span<byte> sig = stackalloc byte[CompactSignatureLength];
        if (!TrySignInternal(digest, privateKey, sig))
        {
            return 0;
        }

        nuint length = (nuint)signature.Length;
        fixed (byte* o = signature)
        fixed (byte* s = sig)
        {
            return Secp256k1Native.EcdsaSignatureSerializeDer(Context, o, &length, s) == 1 ? (int)length : 0;
        }
    }

    /// <summary>Verifies a compact signature. High-S signatures are rejected unless <paramref name="allowHighS"/>.</summary>
    public static bool VerifyCompact(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> publicKey, bool allowHighS = false)
    {
        if (signature.Length != CompactSignatureLength)
        {
            return false;
        }

        Span<byte> sig = stackalloc byte[CompactSignatureLength];
        fixed (byte* i = signature)
        fixed (byte* s = sig)
        {
            if (Secp256k1Native.EcdsaSignatureParseCompact(Context, s, i) != 1)
            {
                return false;
            }
        }

        return VerifyInternal(sig, digest, publicKey, allowHighS);
    }

    /// <summary>Verifies a strict-DER signature. High-S signatures are rejected unless <paramref name="allowHighS"/>.</summary>
    public static bool VerifyDer(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> publicKey, bool allowHighS = false)
    {
        if (signature.Length == 0 || signature.Length > MaxDerSignatureLength)
        {
            return false;
        }

        Span<byte> sig = stackalloc byte[CompactSignatureLength];
        fixed (byte* i = signature)
        fixed (byte* s = sig)
        {
            if (Secp256k1Native.EcdsaSignatureParseDer(Context, s, i, (nuint)signature.Length) != 1)
            {
                return false;
            }
        }

        return VerifyInternal(sig, digest, publicKey, allowHighS);
    }

    private static bool TrySignInternal(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> privateKey, Span<byte> sig)
    {
        if (digest.Length != 32 || privateKey.Length != PrivateKeyLength)
        {
            return false;
        }

        fixed (byte* s = sig)
        fixed (byte* m = digest)
        fixed (byte* k = privateKey)
        {
            return Secp256k1Native.EcdsaSign(Context, s, m, k, IntPtr.Zero, IntPtr.Zero) == 1;
        }
    }

    private static bool VerifyInternal(Span<byte> sig, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> publicKey, bool allowHighS)
    {
        if (digest.Length != 32 || publicKey.Length != PublicKeyLength)
        {
            return false;
        }

        Span<byte> point = stackalloc byte[InternalKeyLength];
        if (!TryParse(publicKey, point))
        {
            return false;
        }

        fixed (byte* s = sig)
        fixed (byte* m = digest)
        fixed (byte* p = point)
        {
            if (allowHighS)
            {
                Secp256k1Native.EcdsaSignatureNormalize(Context, s, s);
            }

            return Secp256k1Native.EcdsaVerify(Context, s, m, p) == 1;
        }
    }

    /// <summary>Parses a 33-byte compressed key into the 64-byte internal form; false for anything else.</summary>
    internal static bool TryParseCompressed(ReadOnlySpan<byte> publicKey, Span<byte> point) => TryParse(publicKey, point);

    private static bool TryParse(ReadOnlySpan<byte> publicKey, Span<byte> point)
    {
        if (publicKey.Length != PublicKeyLength || (publicKey[0] != 0x02 && publicKey[0] != 0x03))
        {
            return false;
        }

        fixed (byte* p = point)
        fixed (byte* i = publicKey)
        {
            return Secp256k1Native.PubkeyParse(Context, p, i, (nuint)publicKey.Length) == 1;
        }
    }

    private static int Serialize(ReadOnlySpan<byte> point, Span<byte> output, bool compressed)
    {
        nuint length = (nuint)output.Length;
        fixed (byte* o = output)
        fixed (byte* p = point)
        {
            var flags = compressed ? Secp256k1Native.EcCompressed : Secp256k1Native.EcUncompressed;
            return Secp256k1Native.PubkeySerialize(Context, o, &length, p, flags) == 1 ? (int)length : 0;
        }
    }
}
