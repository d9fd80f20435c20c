namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>encoded_short_ids</c>: "the first byte of <c>encoded_short_ids</c> [is] the encoding type" —
/// <c>0</c> is an "uncompressed array of <c>short_channel_id</c> types, in ascending order"; <c>1</c> (zlib) "MUST NOT
/// be used".
/// </summary>
public static class ShortChannelIdEncoding
{
    /// <summary>Encoding type 0: an uncompressed array of 8-byte ids.</summary>
    public const byte Uncompressed = 0;

    /// <summary>A <c>short_channel_id</c>: 3-byte block height, 3-byte transaction index, 2-byte output index.</summary>
    public const int ShortChannelIdLength = 8;

    /// <summary>
    /// No ids, uncompressed: the single encoding byte. An empty field (no encoding byte) is not an encoding: Core
    /// Lightning's <c>decode_short_ids</c> rejects it with "Bad reply_channel_range encoding".
    /// </summary>
    public static ReadOnlySpan<byte> Empty => [Uncompressed];

    /// <summary>True when <paramref name="encoded"/> is encoding 0 followed by a whole number of ids.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> encoded) =>
        !encoded.IsEmpty && encoded[0] == Uncompressed && (encoded.Length - 1) % ShortChannelIdLength == 0;
}
