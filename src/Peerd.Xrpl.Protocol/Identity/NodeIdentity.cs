using System.Security.Cryptography;
using Peerd.Crypto;
using Peerd.Xrpl.Protocol.Tokens;

namespace Peerd.Xrpl.Protocol.Identity;

/// <summary>
/// This node's identity on the XRPL overlay (rippled <c>app.nodeIdentity()</c>): a secp256k1 key pair whose public
/// half is sent in <c>Public-Key</c> and whose private half signs the session's shared value.
/// </summary>
public sealed class NodeIdentity
{
    private readonly IStaticKey _key;

    /// <summary>Wraps a key pair (the key could live in a separate signer).</summary>
    public NodeIdentity(IStaticKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        PublicKey = NodePublicKey.FromBytes(key.PublicKey);
    }

    /// <summary>The public key, shown as <c>n…</c>.</summary>
    public NodePublicKey PublicKey { get; }

    /// <summary>Derives the node key from a family seed exactly as rippled does for <c>[node_seed]</c>.</summary>
    public static NodeIdentity FromSeed(FamilySeed seed)
    {
        var secret = NodeKeyDerivation.DeriveRootPrivateKey(seed);
        try
        {
            return new NodeIdentity(new StaticKey(secret));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>
    /// rippled <c>signDigest</c>: an RFC 6979, low-S ECDSA signature of a 32-byte digest, strict DER.
    /// </summary>
    public byte[] SignDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("a digest is 32 bytes", nameof(digest));
        }

        Span<byte> signature = stackalloc byte[Secp256k1.MaxDerSignatureLength];
        var length = _key.SignDer(digest, signature);
        if (length == 0)
        {
            throw new InvalidOperationException("secp256k1 signing failed");
        }

        return signature[..length].ToArray();
    }

    /// <summary>The <c>p…</c> text form of a node private key (rippled <c>TokenType::NodePrivate</c>), for test vectors.</summary>
    public static string EncodeNodePrivate(ReadOnlySpan<byte> privateKey) => XrplBase58.EncodeToken(TokenType.NodePrivate, privateKey);
}
