using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Protocol.Framing;

/// <summary>
/// A parsed frame header (rippled <c>detail::MessageHeader</c>). Uncompressed: 6 bytes, big-endian — 4 bytes whose
/// top 6 bits are zero and low 26 bits are the payload length, then the 2-byte message type. Compressed (LZ4, only
/// on links that negotiated <c>compr=lz4</c>): 10 bytes — a 4-byte word whose top nibble is the algorithm
/// (<c>0x9</c>), next 2 bits zero, low 26 bits the wire size; the type; then the 4-byte uncompressed size.
/// </summary>
/// <param name="HeaderLength"><see cref="XrplFraming.UncompressedHeaderLength"/> or <see cref="XrplFraming.CompressedHeaderLength"/>.</param>
/// <param name="PayloadLength">Bytes of payload on the wire after the header.</param>
/// <param name="Type">The message type.</param>
/// <param name="IsCompressed">True for an LZ4 frame.</param>
/// <param name="UncompressedLength">The payload's length once decompressed (equal to <paramref name="PayloadLength"/> when not compressed).</param>
public readonly record struct XrplFrameHeader(int HeaderLength, int PayloadLength, XrplMessageType Type, bool IsCompressed, int UncompressedLength)
{
    /// <summary>Header plus payload.</summary>
    public int TotalLength => HeaderLength + PayloadLength;
}
