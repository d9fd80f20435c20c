namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// Why a BOLT #8 act from the peer was rejected. Each one means "abort the connection attempt" (BOLT #8: "the
/// receiver MUST abort the connection attempt"); none is our own misuse, which throws instead.
/// </summary>
public enum HandshakeError
{
    /// <summary>The act was accepted.</summary>
    None,

    /// <summary>Act One was not exactly 50 bytes (the peer closed the stream mid-act).</summary>
    ActOneReadFailed,

    /// <summary>Act One's version byte was not 0.</summary>
    ActOneBadVersion,

    /// <summary>Act One's ephemeral key is not a valid compressed secp256k1 point.</summary>
    ActOneBadPubkey,

    /// <summary>Act One's tag failed: the initiator does not know our static key.</summary>
    ActOneBadTag,

    /// <summary>Act Two was not exactly 50 bytes.</summary>
    ActTwoReadFailed,

    /// <summary>Act Two's version byte was not 0.</summary>
    ActTwoBadVersion,

    /// <summary>Act Two's ephemeral key is not a valid compressed secp256k1 point.</summary>
    ActTwoBadPubkey,

    /// <summary>Act Two's tag failed: the responder is not the node we dialled.</summary>
    ActTwoBadTag,

    /// <summary>Act Three was not exactly 66 bytes.</summary>
    ActThreeReadFailed,

    /// <summary>Act Three's version byte was not 0.</summary>
    ActThreeBadVersion,

    /// <summary>Act Three's encrypted static key failed its tag.</summary>
    ActThreeBadCiphertext,

    /// <summary>Act Three's static key decrypted but is not a valid compressed secp256k1 point.</summary>
    ActThreeBadPubkey,

    /// <summary>Act Three's final tag failed.</summary>
    ActThreeBadTag,
}
