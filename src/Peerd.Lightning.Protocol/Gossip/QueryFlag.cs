namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #7 <c>query_flag</c>: the <c>bigsize</c> bitfield <c>encoded_query_flags</c> holds for each id of a
/// <c>query_short_channel_ids</c>, saying which of its gossip the sender wants. Bits this version does not know are
/// kept and ignored; 0 asks for nothing.
/// </summary>
[Flags]
#pragma warning disable CA1028 // the wire value is a bigsize: a u64
public enum QueryFlag : ulong
#pragma warning restore CA1028
{
    /// <summary>Nothing for this id.</summary>
    None = 0,

    /// <summary>Bit 0: "the sender wants <c>channel_announcement</c>".</summary>
    ChannelAnnouncement = 1,

    /// <summary>Bit 1: "the sender wants <c>channel_update</c> for node 1".</summary>
    ChannelUpdateNode1 = 2,

    /// <summary>Bit 2: "the sender wants <c>channel_update</c> for node 2".</summary>
    ChannelUpdateNode2 = 4,

    /// <summary>Bit 3: "the sender wants <c>node_announcement</c> for node 1".</summary>
    NodeAnnouncementNode1 = 8,

    /// <summary>Bit 4: "the sender wants <c>node_announcement</c> for node 2".</summary>
    NodeAnnouncementNode2 = 16,

    /// <summary>Everything: what a query without <c>query_flags</c> gets.</summary>
    All = ChannelAnnouncement | ChannelUpdateNode1 | ChannelUpdateNode2 | NodeAnnouncementNode1 | NodeAnnouncementNode2,
}
