using System.Security.Cryptography;
using Peerd.Crypto;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The handshake's Noise symmetric state: the chaining key <c>ck</c>, the handshake hash <c>h</c> and the current
/// temporary key (<c>temp_k1</c>, <c>temp_k2</c>, <c>temp_k3</c>), with the BOLT #8 operations over them.
/// </summary>
/// <remarks>
/// The AEAD operations go through <see cref="HandshakeAead"/> (a per-thread cipher re-keyed per operation), so a
/// handshake holds no native state: one the peer abandons leaves nothing to dispose.
/// </remarks>
internal sealed class SymmetricState
{
    /// <summary>"protocolName = "Noise_XK_secp256k1_ChaChaPoly_SHA256"" (BOLT #8, Handshake State Initialization).</summary>
    private static ReadOnlySpan<byte> ProtocolName => "Noise_XK_secp256k1_ChaChaPoly_SHA256"u8;

    /// <summary>"prologue = "lightning"".</summary>
    private static ReadOnlySpan<byte> Prologue => "lightning"u8;

    // h = SHA-256(protocolName); ck = h; h = SHA-256(h || prologue): the same for every handshake, so computed once.
    private static readonly byte[] InitialChainingKey = Sha256.Hash(ProtocolName);
    private static readonly byte[] InitialHash = InitialHashOf(InitialChainingKey);

    private Bytes32 _ck;
    private Bytes32 _h;
    private Bytes32 _tempK;

    /// <summary>
    /// Initialises the state and mixes in the responder's static key: "h = SHA-256(h || ls.pub.serializeCompressed())"
    /// on the responder, "h = SHA-256(h || rs.pub.serializeCompressed())" on the initiator.
    /// </summary>
    public SymmetricState(ReadOnlySpan<byte> responderStaticPublicKey)
    {
        InitialChainingKey.CopyTo(_ck);
        InitialHash.CopyTo(_h);
        MixHash(responderStaticPublicKey);
    }

    /// <summary>The handshake hash <c>h</c>, for trace checks.</summary>
    internal ReadOnlySpan<byte> HandshakeHash => _h;

    /// <summary>The chaining key <c>ck</c>, for trace checks.</summary>
    internal ReadOnlySpan<byte> ChainingKey => _ck;

    /// <summary><c>h = SHA-256(h || data)</c>.</summary>
    public void MixHash(ReadOnlySpan<byte> data) => Sha256.Hash(_h, data, _h);

    /// <summary><c>ck, temp_k = HKDF(ck, ikm)</c>; <paramref name="ikm"/> is an ECDH result.</summary>
    public void MixKey(ReadOnlySpan<byte> ikm) => NoiseHkdf.Derive(_ck, ikm, _ck, _tempK);

    /// <summary>
    /// <c>c = encryptWithAD(temp_k, n, h, plaintext)</c> then <c>h = SHA-256(h || c)</c>; writes
    /// <c>plaintext.Length + 16</c> bytes.
    /// </summary>
    public void EncryptAndHash(ulong n, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        var c = ciphertext[..(plaintext.Length + Bolt8Constants.MacLength)];
        HandshakeAead.Seal(_tempK, n, _h, plaintext, c[..plaintext.Length], c[plaintext.Length..]);
        MixHash(c);
    }

    /// <summary>
    /// <c>p = decryptWithAD(temp_k, n, h, c)</c> then <c>h = SHA-256(h || c)</c>; false when the tag fails.
    /// </summary>
    public bool DecryptAndHash(ulong n, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        var length = ciphertext.Length - Bolt8Constants.MacLength;
        if (!HandshakeAead.TryOpen(_tempK, n, _h, ciphertext[..length], ciphertext[length..], plaintext[..length]))
        {
            return false;
        }

        MixHash(ciphertext);
        return true;
    }

    /// <summary>The ephemeral key of Act One or Act Two (<c>version (1) ‖ e.pub (33) ‖ tag (16)</c>).</summary>
    public static ReadOnlySpan<byte> EphemeralKeyOf(ReadOnlySpan<byte> act) => act.Slice(1, Bolt8Constants.PublicKeyLength);

    /// <summary>
    /// Writes Act One or Act Two, whose shape is the same: "h = SHA-256(h || e.pub.serializeCompressed())";
    /// "ck, temp_k = HKDF(ck, ss)"; "c = encryptWithAD(temp_k, 0, h, zero)"; "h = SHA-256(h || c)";
    /// "m = 0 || e.pub.serializeCompressed() || c". <paramref name="sharedSecret"/> is <c>es</c> or <c>ee</c>.
    /// </summary>
    public void WriteEphemeralAct(Span<byte> act, ReadOnlySpan<byte> ephemeralPublicKey, ReadOnlySpan<byte> sharedSecret)
    {
        MixHash(ephemeralPublicKey);
        MixKey(sharedSecret);
        act[0] = Bolt8Constants.HandshakeVersion;
        ephemeralPublicKey.CopyTo(act[1..]);
        EncryptAndHash(0, [], act.Slice(1 + Bolt8Constants.PublicKeyLength, Bolt8Constants.MacLength));
    }

    /// <summary>
    /// Reads Act One or Act Two once its length, version and key have been checked: "h = SHA-256(h ||
    /// re.serializeCompressed())"; "ck, temp_k = HKDF(ck, ss)"; "p = decryptWithAD(temp_k, 0, h, c)";
    /// "h = SHA-256(h || c)". False when the tag fails.
    /// </summary>
    public bool TryReadEphemeralAct(ReadOnlySpan<byte> act, ReadOnlySpan<byte> sharedSecret)
    {
        MixHash(EphemeralKeyOf(act));
        MixKey(sharedSecret);
        return DecryptAndHash(0, act.Slice(1 + Bolt8Constants.PublicKeyLength, Bolt8Constants.MacLength), []);
    }

    /// <summary>
    /// The final <c>HKDF(ck, zero)</c>: the first key is the initiator's <c>sk</c> (the responder's <c>rk</c>), the
    /// second the initiator's <c>rk</c>. Both directions start from this final <c>ck</c>.
    /// </summary>
    public NoiseTransport Split(bool initiator)
    {
        Span<byte> first = stackalloc byte[Bolt8Constants.KeyLength];
        Span<byte> second = stackalloc byte[Bolt8Constants.KeyLength];
        NoiseHkdf.Derive(_ck, [], first, second);
        var transport = initiator
            ? new NoiseTransport(sendingKey: first, receivingKey: second, _ck)
            : new NoiseTransport(sendingKey: second, receivingKey: first, _ck);
        CryptographicOperations.ZeroMemory(first);
        CryptographicOperations.ZeroMemory(second);
        return transport;
    }

    private static byte[] InitialHashOf(ReadOnlySpan<byte> chainingKey)
    {
        var h = new byte[Bolt8Constants.HashLength];
        Sha256.Hash(chainingKey, Prologue, h);
        return h;
    }

    /// <summary>Wipes the secrets (<c>ck</c>, <c>temp_k</c>); <c>h</c>, a public transcript hash, is kept.</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(_ck);
        CryptographicOperations.ZeroMemory(_tempK);
    }
}
