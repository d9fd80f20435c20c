using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// BOLT #7: "The checksum of a <c>channel_update</c> is the CRC32C checksum as specified in RFC3720 of this
/// <c>channel_update</c> without its <c>signature</c> and <c>timestamp</c> fields" — the message's fields after the
/// signature (the 2-byte type is not a field of it), with the 4 timestamp bytes left out, as Core Lightning computes it.
/// </summary>
public static class ChannelUpdateChecksum
{
    /// <summary>Where the fields the checksum covers start: after the type and the signature.</summary>
    private const int FieldsOffset = ChannelUpdate.SignedOffset;

    /// <summary>The covered bytes before the timestamp: <c>chain_hash</c> and <c>short_channel_id</c>.</summary>
    private const int BeforeTimestamp = 32 + 8;

    /// <summary>The checksum of a whole <c>channel_update</c> (type included, at least <see cref="ChannelUpdate.Length"/> bytes).</summary>
    public static uint Compute(ReadOnlySpan<byte> channelUpdate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channelUpdate.Length, ChannelUpdate.Length, nameof(channelUpdate));
        var fields = channelUpdate[FieldsOffset..];
        uint crc = Crc32C.Append(uint.MaxValue, fields[..BeforeTimestamp]);
        return ~Crc32C.Append(crc, fields[(BeforeTimestamp + 4)..]);
    }
}
