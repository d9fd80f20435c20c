using System.Security.Cryptography;
using Peerd.Crypto;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The responder's side of the BOLT #8 handshake: read Act One, write Act Two, read Act Three. The ephemeral key is a
/// parameter, so the handshake is deterministic and the caller owns the entropy. Calling a step out of order is a bug
/// in our code and throws <see cref="InvalidOperationException"/>; a bad act from the peer is a returned
/// <see cref="HandshakeError"/>, after which the handshake is finished and the connection must be closed.
/// </summary>
public sealed class ResponderHandshake
{
    private readonly IStaticKey _localStatic;
    private readonly SymmetricState _state;
    private Bytes32 _ephemeralPrivate;
    private Bytes33 _ephemeralPublic;
    private Secp256k1PublicKey _remoteEphemeral;
    private byte[]? _remoteStatic;
    private Step _step;

    /// <summary>Prepares to answer one inbound connection.</summary>
    /// <param name="localStatic">Our node key (<c>ls</c>), which the initiator must already know.</param>
    /// <param name="ephemeralPrivateKey">A fresh 32-byte secret (<c>e.priv</c>), used for this handshake only.</param>
    /// <exception cref="ArgumentException"><paramref name="ephemeralPrivateKey"/> is not a valid secp256k1 key.</exception>
    public ResponderHandshake(IStaticKey localStatic, ReadOnlySpan<byte> ephemeralPrivateKey)
        : this(localStatic, EphemeralKeyPair.FromPrivateKey(ephemeralPrivateKey))
    {
    }

    /// <summary>
    /// Prepares to answer one inbound connection with an ephemeral key made beforehand; its secret is taken (and wiped
    /// from the pair) here.
    /// </summary>
    /// <param name="localStatic">Our node key (<c>ls</c>), which the initiator must already know.</param>
    /// <param name="ephemeral">An unused ephemeral key pair (<c>e</c>).</param>
    /// <exception cref="InvalidOperationException"><paramref name="ephemeral"/> was already used.</exception>
    public ResponderHandshake(IStaticKey localStatic, EphemeralKeyPair ephemeral)
    {
        ArgumentNullException.ThrowIfNull(localStatic);
        ArgumentNullException.ThrowIfNull(ephemeral);
        ephemeral.PublicKey.CopyTo(_ephemeralPublic);
        ephemeral.TakePrivateKey(_ephemeralPrivate);
        _localStatic = localStatic;
        _state = new SymmetricState(localStatic.PublicKey);
    }

    private enum Step
    {
        ReadActOne,
        WriteActTwo,
        ReadActThree,
        Complete,
        Failed,
    }

    /// <summary>The initiator's 33-byte node id, learned from Act Three.</summary>
    /// <exception cref="InvalidOperationException">Act Three has not been read successfully.</exception>
    public byte[] RemoteStaticPublicKey =>
        _remoteStatic ?? throw new InvalidOperationException("the remote static key is known only after Act Three is read");

    /// <summary>The handshake hash <c>h</c>, for trace checks.</summary>
    internal ReadOnlySpan<byte> HandshakeHash => _state.HandshakeHash;

    /// <summary>The chaining key <c>ck</c>, for trace checks.</summary>
    internal ReadOnlySpan<byte> ChainingKey => _state.ChainingKey;

    /// <summary>Reads Act One; the span must be exactly the 50 bytes read from the peer.</summary>
    /// <returns><see cref="HandshakeError.None"/>, or why the act was rejected (the handshake is then over).</returns>
    /// <exception cref="InvalidOperationException">Act One was already read.</exception>
    public HandshakeError ReadActOne(ReadOnlySpan<byte> actOne)
    {
        Expect(Step.ReadActOne);

        // "Read exactly 50 bytes from the network buffer."
        if (actOne.Length != Bolt8Constants.ActOneLength)
        {
            return Fail(HandshakeError.ActOneReadFailed);
        }

        // "If v is an unrecognized handshake version, then the responder MUST abort the connection attempt."
        if (actOne[0] != Bolt8Constants.HandshakeVersion)
        {
            return Fail(HandshakeError.ActOneBadVersion);
        }

        // es = ECDH(s.priv, re). re is parsed once, here (a point that is not on the curve fails), and kept parsed
        // for Act Two's ee = ECDH(e.priv, re).
        Span<byte> es = stackalloc byte[Secp256k1.SharedSecretLength];
        if (!Secp256k1PublicKey.TryParse(SymmetricState.EphemeralKeyOf(actOne), out _remoteEphemeral)
            || !_localStatic.TryEcdh(_remoteEphemeral, es))
        {
            return Fail(HandshakeError.ActOneBadPubkey);
        }

        // h = SHA-256(h || re); ck, temp_k1 = HKDF(ck, es); p = decryptWithAD(temp_k1, 0, h, c); h = SHA-256(h || c)
        var authentic = _state.TryReadEphemeralAct(actOne, es);
        CryptographicOperations.ZeroMemory(es);
        if (!authentic)
        {
            return Fail(HandshakeError.ActOneBadTag);
        }

        _step = Step.WriteActTwo;
        return HandshakeError.None;
    }

    /// <summary>Writes Act Two (<see cref="Bolt8Constants.ActTwoLength"/> bytes) into the start of <paramref name="actTwo"/>.</summary>
    /// <exception cref="InvalidOperationException">Act One was not read successfully, or Act Two was already written.</exception>
    /// <exception cref="ArgumentException"><paramref name="actTwo"/> is shorter than 50 bytes.</exception>
    public void WriteActTwo(Span<byte> actTwo)
    {
        Expect(Step.WriteActTwo);
        ArgumentOutOfRangeException.ThrowIfLessThan(actTwo.Length, Bolt8Constants.ActTwoLength, nameof(actTwo));

        // ee = ECDH(e.priv, re): re was validated by Act One.
        Span<byte> ee = stackalloc byte[Secp256k1.SharedSecretLength];
        if (!Secp256k1.TryEcdh(_ephemeralPrivate, _remoteEphemeral, ee))
        {
            throw new InvalidOperationException("ECDH with a validated point failed");
        }

        // h = SHA-256(h || e.pub); ck, temp_k2 = HKDF(ck, ee); c = encryptWithAD(temp_k2, 0, h, zero); h = SHA-256(h || c)
        _state.WriteEphemeralAct(actTwo, _ephemeralPublic, ee);
        CryptographicOperations.ZeroMemory(ee);
        _step = Step.ReadActThree;
    }

    /// <summary>Reads Act Three and completes the handshake; the span must be exactly the 66 bytes read from the peer.</summary>
    /// <param name="actThree">Act Three as received.</param>
    /// <param name="transport">On success, the transport keys; otherwise null.</param>
    /// <returns><see cref="HandshakeError.None"/>, or why the act was rejected (the handshake is then over).</returns>
    /// <exception cref="InvalidOperationException">Act Two was not written yet, or Act Three was already read.</exception>
    public HandshakeError ReadActThree(ReadOnlySpan<byte> actThree, out NoiseTransport? transport)
    {
        Expect(Step.ReadActThree);
        transport = null;

        // "Read exactly 66 bytes from the network buffer."
        if (actThree.Length != Bolt8Constants.ActThreeLength)
        {
            return Fail(HandshakeError.ActThreeReadFailed);
        }

        if (actThree[0] != Bolt8Constants.HandshakeVersion)
        {
            return Fail(HandshakeError.ActThreeBadVersion);
        }

        var c = actThree.Slice(1, Bolt8Constants.EncryptedPublicKeyLength);
        var t = actThree.Slice(1 + Bolt8Constants.EncryptedPublicKeyLength, Bolt8Constants.MacLength);

        // rs = decryptWithAD(temp_k2, 1, h, c); h = SHA-256(h || c)
        Span<byte> rs = stackalloc byte[Bolt8Constants.PublicKeyLength];
        if (!_state.DecryptAndHash(1, c, rs))
        {
            return Fail(HandshakeError.ActThreeBadCiphertext);
        }

        // se = ECDH(e.priv, rs). ECDH parses rs, so a static key that is not a valid point fails here.
        Span<byte> se = stackalloc byte[Secp256k1.SharedSecretLength];
        if (!Secp256k1.TryEcdh(_ephemeralPrivate, rs, se))
        {
            return Fail(HandshakeError.ActThreeBadPubkey);
        }

        // ck, temp_k3 = HKDF(ck, se); p = decryptWithAD(temp_k3, 0, h, t)
        _state.MixKey(se);
        CryptographicOperations.ZeroMemory(se);
        if (!_state.DecryptAndHash(0, t, []))
        {
            return Fail(HandshakeError.ActThreeBadTag);
        }

        // rk, sk = HKDF(ck, zero)
        transport = _state.Split(initiator: false);
        _remoteStatic = rs.ToArray();
        Finish(Step.Complete);
        return HandshakeError.None;
    }

    private void Expect(Step step)
    {
        if (_step != step)
        {
            throw new InvalidOperationException($"the responder handshake cannot {step} now: it is at {_step}");
        }
    }

    private HandshakeError Fail(HandshakeError error)
    {
        Finish(Step.Failed);
        return error;
    }

    private void Finish(Step step)
    {
        _step = step;
        CryptographicOperations.ZeroMemory(_ephemeralPrivate);
        _state.Clear();
    }
}
