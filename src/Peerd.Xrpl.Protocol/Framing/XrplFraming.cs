namespace Peerd.Xrpl.Protocol.Framing;

/// <summary>Sizes of the XRPL peer framing (rippled <c>Message.h</c>, <c>Compression.h</c>).</summary>
public static class XrplFraming
{
    /// <summary>Uncompressed header: 4-byte length word + 2-byte type.</summary>
    public const int UncompressedHeaderLength = 4 + 2;

    /// <summary>Compressed header: 4-byte length word + 2-byte type + 4-byte uncompressed size.</summary>
    public const int CompressedHeaderLength = 4 + 2 + 4;

    /// <summary>
    /// rippled's <c>maximiumMessageSize = megabytes(64)</c> = 64 × 1024 × 1024: a larger payload (on the wire or
    /// uncompressed) drops the connection.
    /// </summary>
    public const int MaximumMessageSize = 64 * 1024 * 1024;

    /// <summary>The low 26 bits of the uncompressed length word: 2^26 − 1.</summary>
    public const uint UncompressedLengthMask = 0x03FF_FFFF;

    /// <summary>rippled clears the top four bits of the compressed length word: 2^28 − 1.</summary>
    public const uint CompressedLengthMask = 0x0FFF_FFFF;

    /// <summary>First byte of an uncompressed header: the top 6 bits must be zero.</summary>
    public const byte UncompressedMarkerMask = 0xFC;

    /// <summary>First byte of a compressed header has the top bit set…</summary>
    public const byte CompressedFlag = 0x80;

    /// <summary>…bits 2–3 zero…</summary>
    public const byte CompressedReservedBits = 0x0C;

    /// <summary>…and the algorithm nibble <c>0x9</c>: LZ4, the only algorithm rippled knows.</summary>
    public const byte Lz4Algorithm = 0x90;
}
