namespace Peerd.Lightning.Protocol.Messages;

/// <summary>What <see cref="LightningMessageDecoder"/> made of one plaintext message, and so what to do.</summary>
public enum DecodeOutcome
{
    /// <summary>A known message, decoded: handle <see cref="DecodedMessage.Message"/>.</summary>
    Decoded,

    /// <summary>A recognised type Peerd has no use for (gossip, peer storage): ignore it.</summary>
    Ignored,

    /// <summary>"upon receiving a message of _odd_, unknown type: MUST ignore the received message."</summary>
    UnknownOdd,

    /// <summary>"upon receiving a message of _even_, unknown type: MUST close the connection."</summary>
    UnknownEven,

    /// <summary>
    /// A known message that is too short or carries an invalid extension, or fewer than two bytes: close the
    /// connection (<see cref="DecodedMessage.Failure"/> says why).
    /// </summary>
    Malformed,
}
