namespace Peerd.Lightning.Protocol.Messages;

/// <summary>Why a known message could not be decoded.</summary>
public enum DecodeFailureKind
{
    /// <summary>
    /// "upon receiving a known message with insufficient length for the contents: MUST close the connection."
    /// </summary>
    Truncated,

    /// <summary>"if the <c>extension</c> is invalid: MUST close the connection" (an invalid TLV stream).</summary>
    InvalidExtension,

    /// <summary>A field whose value the message's rules forbid (e.g. a malformed address list).</summary>
    InvalidField,

    /// <summary>The bytes start with another message type (a bug in the caller, not the peer).</summary>
    WrongType,
}
