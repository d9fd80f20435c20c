namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>query_option_flags</c> of <c>query_channel_range</c>'s <c>query_option</c> TLV (a <c>bigsize</c>
/// bitfield). Bits this version does not know are kept and ignored.
/// </summary>
[Flags]
#pragma warning disable CA1028 // the wire value is a bigsize: a u64
public enum QueryOptionFlags : ulong
#pragma warning restore CA1028
{
    /// <summary>No option: only the ids.</summary>
    None = 0,

    /// <summary>Bit 0: "the sender wants timestamps" (<c>timestamps_tlv</c> in the reply).</summary>
    Timestamps = 1,

    /// <summary>Bit 1: "the sender wants checksums" (<c>checksums_tlv</c> in the reply).</summary>
    Checksums = 2,
}
