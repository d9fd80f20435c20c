using System.Runtime.InteropServices;

namespace Peerd.Crypto;

/// <summary>
/// The thin P/Invoke surface over Debian's <c>libsecp256k1</c> (package <c>libsecp256k1-1</c>), the reference C
/// library that Bitcoin Core, Core Lightning and LDK use. Only the calls Peerd needs are bound; no curve arithmetic
/// is written here.
/// </summary>
internal static unsafe partial class Secp256k1Native
{
    internal const string LibraryName = "secp256k1";

    /// <summary>The Debian package that provides the library, named in every load error.</summary>
    internal const string DebianPackage = "libsecp256k1-1";

    internal const uint ContextSign = (1 << 0) | (1 << 9);
    internal const uint ContextVerify = (1 << 0) | (1 << 8);
    internal const uint EcCompressed = (1 << 1) | (1 << 8);
    internal const uint EcUncompressed = 1 << 1;

    /// <summary>The shared objects tried, in order.</summary>
    internal static readonly string[] Candidates =
    [
        "libsecp256k1.so.1", "libsecp256k1.so.2", "libsecp256k1.so.5", "libsecp256k1.so", "libsecp256k1.dylib", "secp256k1",
    ];

    static Secp256k1Native()
    {
        NativeLibraryResolver.EnsureRegistered();
    }

    /// <summary>Forces the static constructor (and so the resolver) to run before the first native call.</summary>
    internal static void EnsureResolver()
    {
    }

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_create")]
    internal static partial IntPtr ContextCreate(uint flags);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_randomize")]
    internal static partial int ContextRandomize(IntPtr ctx, byte* seed32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_seckey_verify")]
    internal static partial int SeckeyVerify(IntPtr ctx, byte* seckey);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_create")]
    internal static partial int PubkeyCreate(IntPtr ctx, byte* pubkey64, byte* seckey);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_parse")]
    internal static partial int PubkeyParse(IntPtr ctx, byte* pubkey64, byte* input, nuint inputLength);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_serialize")]
    internal static partial int PubkeySerialize(IntPtr ctx, byte* output, nuint* outputLength, byte* pubkey64, uint flags);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdh")]
    internal static partial int Ecdh(IntPtr ctx, byte* output32, byte* pubkey64, byte* seckey, IntPtr hashFunction, IntPtr data);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_sign")]
    internal static partial int EcdsaSign(IntPtr ctx, byte* signature64, byte* msghash32, byte* seckey, IntPtr nonceFunction, IntPtr nonceData);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_verify")]
    internal static partial int EcdsaVerify(IntPtr ctx, byte* signature64, byte* msghash32, byte* pubkey64);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_signature_normalize")]
    internal static partial int EcdsaSignatureNormalize(IntPtr ctx, byte* signatureOut64, byte* signatureIn64);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_signature_parse_der")]
    internal static partial int EcdsaSignatureParseDer(IntPtr ctx, byte* signature64, byte* input, nuint inputLength);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_signature_serialize_der")]
    internal static partial int EcdsaSignatureSerializeDer(IntPtr ctx, byte* output, nuint* outputLength, byte* signature64);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_signature_parse_compact")]
    internal static partial int EcdsaSignatureParseCompact(IntPtr ctx, byte* signature64, byte* input64);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_signature_serialize_compact")]
    internal static partial int EcdsaSignatureSerializeCompact(IntPtr ctx, byte* output64, byte* signature64);
}
