namespace Peerd.Crypto;

/// <summary>
/// A node's long-term secp256k1 key, used only through the operations a protocol needs, so the secret could later
/// live in a separate signer (Core Lightning's hsmd, LDK's NodeSigner).
/// </summary>
public interface IStaticKey
{
    /// <summary>The 33-byte compressed public key.</summary>
    ReadOnlySpan<byte> PublicKey { get; }

    /// <summary>BOLT 8 ECDH with this key: SHA256 of the compressed point; false for an invalid remote point.</summary>
    bool TryEcdh(ReadOnlySpan<byte> remotePublicKey, Span<byte> sharedSecret);

    /// <summary>
    /// BOLT 8 ECDH with a remote key parsed beforehand (see <see cref="Secp256k1PublicKey"/>); false for an unparsed
    /// (<c>default</c>) key.
    /// </summary>
    bool TryEcdh(in Secp256k1PublicKey remotePublicKey, Span<byte> sharedSecret);

    /// <summary>Signs a 32-byte digest, writing a 64-byte compact signature.</summary>
    bool TrySignCompact(ReadOnlySpan<byte> digest, Span<byte> signature);

    /// <summary>Signs a 32-byte digest, writing a strict-DER signature; returns its length.</summary>
    int SignDer(ReadOnlySpan<byte> digest, Span<byte> signature);
}
