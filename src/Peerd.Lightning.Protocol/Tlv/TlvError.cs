namespace Peerd.Lightning.Protocol.Tlv;

/// <summary>
/// Why a <c>tlv_stream</c> failed to parse, one member per BOLT #1 reader rule. Every failure means the stream (and
/// the message carrying it) is invalid.
/// </summary>
public enum TlvError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The <c>type</c> BigSize ends early ("type truncated").</summary>
    TypeTruncated,

    /// <summary>"if a <c>type</c> or <c>length</c> is not minimally encoded": the type.</summary>
    TypeNotMinimal,

    /// <summary>The <c>length</c> BigSize is missing or ends early ("missing length", "length truncated").</summary>
    LengthTruncated,

    /// <summary>"if a <c>type</c> or <c>length</c> is not minimally encoded": the length.</summary>
    LengthNotMinimal,

    /// <summary>"if decoded <c>type</c>s are not strictly-increasing" (including duplicates).</summary>
    TypeNotIncreasing,

    /// <summary>"if <c>length</c> exceeds the number of bytes remaining in the message" ("missing/truncated value").</summary>
    ValueTruncated,

    /// <summary>A known type whose length is less than its known encoding needs.</summary>
    KnownValueTooShort,

    /// <summary>A known type whose length is greater than its known encoding allows.</summary>
    KnownValueTooLong,

    /// <summary>A known type with a non-minimal variable-length field (e.g. a <c>tu64</c> with a leading zero).</summary>
    KnownValueNotMinimal,

    /// <summary>A known type whose value is otherwise invalid (e.g. a <c>point</c> not on the curve).</summary>
    KnownValueInvalid,

    /// <summary>"if <c>type</c> is unknown: if <c>type</c> is even: MUST fail to parse the <c>tlv_stream</c>."</summary>
    UnknownEvenType,
}
