namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>
/// Why a peer's handshake fields were refused, in the order rippled's <c>verifyHandshake</c> checks them. Each has
/// the exact text rippled puts in <c>400 Bad Request (&lt;text&gt;)</c>; see <see cref="HandshakeVerification.Reason"/>.
/// </summary>
public enum HandshakeFailure
{
    /// <summary>No failure.</summary>
    None,

    /// <summary>"Invalid server domain": <c>Server-Domain</c> is not a plausible domain.</summary>
    InvalidServerDomain,

    /// <summary>"Invalid peer network identifier": <c>Network-ID</c> is not a 32-bit unsigned number.</summary>
    InvalidNetworkId,

    /// <summary>"Peer is on a different network".</summary>
    WrongNetwork,

    /// <summary>"Invalid peer clock timestamp": <c>Network-Time</c> is not a 32-bit unsigned number.</summary>
    InvalidNetworkTime,

    /// <summary>"Peer clock is too far off": more than <see cref="HandshakeVerifier.ClockTolerance"/> apart.</summary>
    ClockTooFarOff,

    /// <summary>"Unsupported public key type": an Ed25519 node key.</summary>
    UnsupportedKeyType,

    /// <summary>"Bad node public key": <c>Public-Key</c> missing or not an <c>n…</c> key.</summary>
    BadPublicKey,

    /// <summary>"No session signature specified".</summary>
    NoSessionSignature,

    /// <summary>"Failed to verify session": the signature does not sign this TLS session's shared value.</summary>
    SessionVerifyFailed,

    /// <summary>"Self connection": the peer has our key.</summary>
    SelfConnection,

    /// <summary>"Invalid Local-IP".</summary>
    InvalidLocalIp,

    /// <summary>"Incorrect Local-IP: &lt;remote&gt; instead of &lt;Local-IP&gt;".</summary>
    LocalIpMismatch,

    /// <summary>"Invalid Remote-IP".</summary>
    InvalidRemoteIp,

    /// <summary>"Incorrect Remote-IP: &lt;our public IP&gt; instead of &lt;Remote-IP&gt;".</summary>
    RemoteIpMismatch,
}

/// <summary>The verifier's answer: the peer's identity, or the failure and its text.</summary>
/// <param name="Failure"><see cref="HandshakeFailure.None"/> on success.</param>
/// <param name="Reason">The exact rippled text for the failure; empty on success.</param>
/// <param name="PeerKey">The verified peer key on success.</param>
public sealed record HandshakeVerification(HandshakeFailure Failure, string Reason, Identity.NodePublicKey? PeerKey)
{
    /// <summary>True when the peer proved its identity and passed every check.</summary>
    public bool IsValid => Failure == HandshakeFailure.None;

    internal static HandshakeVerification Fail(HandshakeFailure failure, string reason) => new(failure, reason, null);
}
