using System.Security.Cryptography;
using Peerd.Crypto;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The initiator's side of the BOLT #8 handshake: write Act One, read Act Two, write Act Three. The ephemeral key is a
/// parameter, so the handshake is deterministic and the caller owns the entropy. Calling a step out of order is a bug
/// in our code and throws <see cref="InvalidOperationException"/>; a bad act from the peer is a returned
/// <see cref="HandshakeError"/>, after which the handshake is finished and the connection must be closed.
/// </summary>
public sealed class InitiatorHandshake
{
    private readonly IStaticKey _localStatic;
    private readonly SymmetricState _state;
    private Bytes32 _ephemeralPrivate;
    private Bytes33 _ephemeralPublic;
    private Secp256k1PublicKey _remoteStatic;
    private Secp256k1PublicKey _remoteEphemeral;
    private Step _step;

    /// <summary>Starts a handshake towards the node whose static key is <paramref name="remoteStaticPublicKey"/>.</summary>
    /// <param name="localStatic">Our node key (<c>ls</c>); its public key is sent, encrypted, in Act Three.</param>
    /// <param name="remoteStaticPublicKey">The responder's 33-byte compressed node id (<c>rs</c>).</param>
    /// <param name="ephemeralPrivateKey">A fresh 32-byte secret (<c>e.priv</c>), used for this handshake only.</param>
    /// <exception cref="ArgumentException">A key is not a valid secp256k1 key.</exception>
    public InitiatorHandshake(IStaticKey localStatic, ReadOnlySpan<byte> remoteStaticPublicKey, ReadOnlySpan<byte> ephemeralPrivateKey)
        : this(localStatic, remoteStaticPublicKey, EphemeralKeyPair.FromPrivateKey(ephemeralPrivateKey))
    {
    }

    /// <summary>
    /// Starts a handshake towards the node whose static key is <paramref name="remoteStaticPublicKey"/> with an
    /// ephemeral key made beforehand; its secret is taken (and wiped from the pair) here.
    /// </summary>
    /// <param name="localStatic">Our node key (<c>ls</c>); its public key is sent, encrypted, in Act Three.</param>
    /// <param name="remoteStaticPublicKey">The responder's 33-byte compressed node id (<c>rs</c>).</param>
    /// <param name="ephemeral">An unused ephemeral key pair (<c>e</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="remoteStaticPublicKey"/> is not a valid secp256k1 key.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="ephemeral"/> was already used.</exception>
    public InitiatorHandshake(IStaticKey localStatic, ReadOnlySpan<byte> remoteStaticPublicKey, EphemeralKeyPair ephemeral)
    {
        ArgumentNullException.ThrowIfNull(localStatic);
        ArgumentNullException.ThrowIfNull(ephemeral);
        // rs is parsed (decompressed) once, here, and used as parsed for es.
        if (!Secp256k1PublicKey.TryParse(remoteStaticPublicKey, out _remoteStatic))
        {
            throw new ArgumentException("not a 33-byte compressed secp256k1 public key", nameof(remoteStaticPublicKey));
        }

        ephemeral.PublicKey.CopyTo(_ephemeralPublic);
        ephemeral.TakePrivateKey(_ephemeralPrivate);
        _localStatic = localStatic;
        _state = new SymmetricState(remoteStaticPublicKey);
    }

    private enum Step
    {
        WriteActOne,
        ReadActTwo,
        WriteActThree,
        Complete,
        Failed,
    }

    /// <summary>The handshake hash <c>h</c>, for trace checks.</summary>
    internal ReadOnlySpan<byte> HandshakeHash => _state.HandshakeHash;

    /// <summary>The chaining key <c>ck</c>, for trace checks.</summary>
    internal ReadOnlySpan<byte> ChainingKey => _state.ChainingKey;

    /// <summary>Writes Act One (<see cref="Bolt8Constants.ActOneLength"/> bytes) into the start of <paramref name="actOne"/>.</summary>
    /// <exception cref="InvalidOperationException">Act One was already written.</exception>
    /// <exception cref="ArgumentException"><paramref name="actOne"/> is shorter than 50 bytes.</exception>
    public void WriteActOne(Span<byte> actOne)
    {
        Expect(Step.WriteActOne);
        ArgumentOutOfRangeException.ThrowIfLessThan(actOne.Length, Bolt8Constants.ActOneLength, nameof(actOne));

        // es = ECDH(e.priv, rs): rs was validated by the constructor.
        Span<byte> es = stackalloc byte[Secp256k1.SharedSecretLength];
        if (!Secp256k1.TryEcdh(_ephemeralPrivate, _remoteStatic, es))
        {
            throw new InvalidOperationException("ECDH with a validated key failed");
        }

        // h = SHA-256(h || e.pub); ck, temp_k1 = HKDF(ck, es); c = encryptWithAD(temp_k1, 0, h, zero); h = SHA-256(h || c)
        _state.WriteEphemeralAct(actOne, _ephemeralPublic, es);
        CryptographicOperations.ZeroMemory(es);
        _step = Step.ReadActTwo;
    }

    /// <summary>Reads Act Two; the span must be exactly the 50 bytes read from the peer.</summary>
    /// <returns><see cref="HandshakeError.None"/>, or why the act was rejected (the handshake is then over).</returns>
    /// <exception cref="InvalidOperationException">Act One was not written yet, or Act Two was already read.</exception>
    public HandshakeError ReadActTwo(ReadOnlySpan<byte> actTwo)
    {
        Expect(Step.ReadActTwo);

        // "Read exactly 50 bytes from the network buffer."
        if (actTwo.Length != Bolt8Constants.ActTwoLength)
        {
            return Fail(HandshakeError.ActTwoReadFailed);
        }

        // "If v is an unrecognized handshake version, then the responder MUST abort the connection attempt."
        if (actTwo[0] != Bolt8Constants.HandshakeVersion)
        {
            return Fail(HandshakeError.ActTwoBadVersion);
        }

        // ee = ECDH(e.priv, re). re is parsed once, here (a point that is not on the curve fails), and kept parsed
        // for Act Three's se = ECDH(s.priv, re).
        Span<byte> ee = stackalloc byte[Secp256k1.SharedSecretLength];
        if (!Secp256k1PublicKey.TryParse(SymmetricState.EphemeralKeyOf(actTwo), out _remoteEphemeral)
            || !Secp256k1.TryEcdh(_ephemeralPrivate, _remoteEphemeral, ee))
        {
            return Fail(HandshakeError.ActTwoBadPubkey);
        }

        // h = SHA-256(h || re); ck, temp_k2 = HKDF(ck, ee); p = decryptWithAD(temp_k2, 0, h, c); h = SHA-256(h || c)
        var authentic = _state.TryReadEphemeralAct(actTwo, ee);
        CryptographicOperations.ZeroMemory(ee);
        if (!authentic)
        {
            return Fail(HandshakeError.ActTwoBadTag);
        }

        _step = Step.WriteActThree;
        return HandshakeError.None;
    }

    /// <summary>
    /// Writes Act Three (<see cref="Bolt8Constants.ActThreeLength"/> bytes) and completes the handshake.
    /// </summary>
    /// <returns>The transport keys: send Act Three, then use them for every message.</returns>
    /// <exception cref="InvalidOperationException">Act Two was not read successfully yet, or Act Three was already written.</exception>
    /// <exception cref="ArgumentException"><paramref name="actThree"/> is shorter than 66 bytes.</exception>
    public NoiseTransport WriteActThree(Span<byte> actThree)
    {
        Expect(Step.WriteActThree);
        ArgumentOutOfRangeException.ThrowIfLessThan(actThree.Length, Bolt8Constants.ActThreeLength, nameof(actThree));

        // c = encryptWithAD(temp_k2, 1, h, s.pub.serializeCompressed()); h = SHA-256(h || c)
        actThree[0] = Bolt8Constants.HandshakeVersion;
        _state.EncryptAndHash(1, _localStatic.PublicKey, actThree.Slice(1, Bolt8Constants.EncryptedPublicKeyLength));

        // se = ECDH(s.priv, re); ck, temp_k3 = HKDF(ck, se)
        Span<byte> se = stackalloc byte[Secp256k1.SharedSecretLength];
        if (!_localStatic.TryEcdh(_remoteEphemeral, se))
        {
            throw new InvalidOperationException("the static key refused ECDH with a validated point");
        }

        _state.MixKey(se);
        CryptographicOperations.ZeroMemory(se);

        // t = encryptWithAD(temp_k3, 0, h, zero); sk, rk = HKDF(ck, zero); m = 0 || c || t
        _state.EncryptAndHash(0, [], actThree.Slice(1 + Bolt8Constants.EncryptedPublicKeyLength, Bolt8Constants.MacLength));
        var transport = _state.Split(initiator: true);
        Finish(Step.Complete);
        return transport;
    }

    private void Expect(Step step)
    {
        if (_step != step)
        {
            throw new InvalidOperationException($"the initiator handshake cannot {step} now: it is at {_step}");
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
