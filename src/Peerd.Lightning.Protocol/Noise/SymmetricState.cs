using System.Security.Cryptography;
using System.Text;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The handshake's Noise symmetric state: the chaining key <c>ck</c>, the handshake hash <c>h</c> and the current
/// temporary key (<c>temp_k1</c>, <c>temp_k2</c>, <c>temp_k3</c>), with the BOLT #8 operations over them.
/// </summary>
/// <remarks>
/// Each AEAD operation makes its own short-lived cipher object: a temporary key is used at most twice, a cipher
/// object costs about 1 µs against a handshake's ~150 µs of curve work, and no native state outlives an act (a
/// handshake the peer abandons leaves nothing to dispose).
/// </remarks>
internal sealed class SymmetricState
{
    /// <summary>"protocolName = "Noise_XK_secp256k1_ChaChaPoly_SHA256"" (BOLT #8, Handshake State Initialization).</summary>
    private static ReadOnlySpan<byte> ProtocolName => "Noise_XK_secp256k1_ChaChaPoly_SHA256"u8;

    /// <summary>"prologue = "lightning"".</summary>
    private static ReadOnlySpan<byte> Prologue => "lightning"u8;

    // h = SHA-256(protocolName); ck = h; h = SHA-256(h || prologue): the same for every handshake, so computed once.
    private static readonly byte[] InitialChainingKey = SHA256.HashData(ProtocolName);
    private static readonly byte[] InitialHash = SHA256.HashData([.. InitialChainingKey, .. Prologue]);

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
    public void MixHash(ReadOnlySpan<byte> data)
    {
        // The largest thing hashed into h is Act Three's 49-byte ciphertext.
        Span<byte> buffer = stackalloc byte[Bolt8Constants.HashLength + Bolt8Constants.EncryptedPublicKeyLength];
        var input = buffer[..(Bolt8Constants.HashLength + data.Length)];
        ((ReadOnlySpan<byte>)_h).CopyTo(input);
        data.CopyTo(input[Bolt8Constants.HashLength..]);
        SHA256.HashData(input, _h);
    }

    /// <summary><c>ck, temp_k = HKDF(ck, ikm)</c>; <paramref name="ikm"/> is an ECDH result.</summary>
    public void MixKey(ReadOnlySpan<byte> ikm) => NoiseHkdf.Derive(_ck, ikm, _ck, _tempK);

    /// <summary>
    /// <c>c = encryptWithAD(temp_k, n, h, plaintext)</c> then <c>h = SHA-256(h || c)</c>; writes
    /// <c>plaintext.Length + 16</c> bytes.
    /// </summary>
    public void EncryptAndHash(ulong n, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        Span<byte> nonce = stackalloc byte[NoiseNonce.Length];
        NoiseNonce.Write(nonce, n);
        var c = ciphertext[..(plaintext.Length + Bolt8Constants.MacLength)];
        using (var aead = new ChaCha20Poly1305(_tempK))
        {
            aead.Encrypt(nonce, plaintext, c[..plaintext.Length], c[plaintext.Length..], _h);
        }

        MixHash(c);
    }

    /// <summary>
    /// <c>p = decryptWithAD(temp_k, n, h, c)</c> then <c>h = SHA-256(h || c)</c>; false when the tag fails.
    /// </summary>
    public bool DecryptAndHash(ulong n, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[NoiseNonce.Length];
        NoiseNonce.Write(nonce, n);
        var length = ciphertext.Length - Bolt8Constants.MacLength;
        using (var aead = new ChaCha20Poly1305(_tempK))
        {
            try
            {
                aead.Decrypt(nonce, ciphertext[..length], ciphertext[length..], plaintext[..length], _h);
            }
            catch (AuthenticationTagMismatchException)
            {
                return false;
            }
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

    /// <summary>Wipes the secrets (<c>ck</c>, <c>temp_k</c>); <c>h</c>, a public transcript hash, is kept.</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(_ck);
        CryptographicOperations.ZeroMemory(_tempK);
    }
}
