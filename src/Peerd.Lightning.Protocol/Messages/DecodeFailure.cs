using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>Why a known message is malformed, with a precise reason for logs and the warning we may send.</summary>
/// <param name="Kind">The class of failure.</param>
/// <param name="Reason">Precise text, e.g. <c>init: truncated in features</c>.</param>
public readonly record struct DecodeFailure(DecodeFailureKind Kind, string Reason)
{
    /// <summary>The known message ends inside <paramref name="field"/>.</summary>
    public static DecodeFailure Truncated(MessageType type, string field) =>
        new(DecodeFailureKind.Truncated, $"{Name(type)}: truncated in {field}");

    /// <summary>The message's TLV stream breaks a BOLT #1 reader rule.</summary>
    public static DecodeFailure InvalidExtension(MessageType type, TlvError error, ulong? tlvType) =>
        new(DecodeFailureKind.InvalidExtension, tlvType is { } t
            ? $"{Name(type)}: invalid TLV stream: {TlvStream.Describe(error)} (type {t})"
            : $"{Name(type)}: invalid TLV stream: {TlvStream.Describe(error)}");

    /// <summary>A field with a forbidden value.</summary>
    public static DecodeFailure InvalidField(MessageType type, string detail) =>
        new(DecodeFailureKind.InvalidField, $"{Name(type)}: {detail}");

    /// <summary>The reason.</summary>
    public override string ToString() => Reason;

    private static string Name(MessageType type) => MessageNames.Of((ushort)type);
}
