namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// A Lightning message with a symmetric codec. Encoding writes the whole plaintext message — the u16 type then the
/// payload — which is what BOLT #8 encrypts; each message type's <c>TryDecode</c> reads the same bytes back.
/// </summary>
public interface ILightningMessage
{
    /// <summary>The message type.</summary>
    MessageType Type { get; }

    /// <summary>The encoded length, type included.</summary>
    int EncodedLength { get; }

    /// <summary>
    /// Writes type and payload to <paramref name="destination"/>; returns <see cref="EncodedLength"/>. Throws
    /// <see cref="ArgumentException"/> when the destination is too short.
    /// </summary>
    int WriteTo(Span<byte> destination);
}
