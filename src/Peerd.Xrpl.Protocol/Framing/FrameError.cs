namespace Peerd.Xrpl.Protocol.Framing;

/// <summary>Why a frame header was refused; each one means the peer is dropped.</summary>
public enum FrameError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The first byte is neither an uncompressed (top 6 bits zero) nor a compressed (<c>0x8?</c>/<c>0x9?</c>) header (rippled <c>no_message</c>).</summary>
    UnknownHeaderMarker,

    /// <summary>A compressed header with reserved bits set or an algorithm other than LZ4 (rippled <c>protocol_error</c>).</summary>
    InvalidCompressedHeader,

    /// <summary>A well-formed compressed header on a link that did not negotiate <c>compr=lz4</c> (rippled <c>protocol_error</c>).</summary>
    CompressionNotNegotiated,

    /// <summary>The payload is larger than <see cref="XrplFraming.MaximumMessageSize"/> (rippled <c>message_size</c>).</summary>
    MessageTooLarge,
}
