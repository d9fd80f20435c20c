namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// Lightning message types Peerd recognises: BOLT #1's setup and control messages and BOLT #7's gossip messages
/// (so that gossip a peer sends is recognised, not mistaken for an unknown even type).
/// </summary>
public enum MessageType : ushort
{
    /// <summary>1 <c>warning</c>.</summary>
    Warning = 1,

    /// <summary>7 <c>peer_storage</c> (odd: may be ignored).</summary>
    PeerStorage = 7,

    /// <summary>9 <c>peer_storage_retrieval</c> (odd: may be ignored).</summary>
    PeerStorageRetrieval = 9,

    /// <summary>16 <c>init</c>.</summary>
    Init = 16,

    /// <summary>17 <c>error</c>.</summary>
    Error = 17,

    /// <summary>18 <c>ping</c>.</summary>
    Ping = 18,

    /// <summary>19 <c>pong</c>.</summary>
    Pong = 19,

    /// <summary>256 <c>channel_announcement</c>.</summary>
    ChannelAnnouncement = 256,

    /// <summary>257 <c>node_announcement</c>.</summary>
    NodeAnnouncement = 257,

    /// <summary>258 <c>channel_update</c>.</summary>
    ChannelUpdate = 258,

    /// <summary>259 <c>announcement_signatures</c>.</summary>
    AnnouncementSignatures = 259,

    /// <summary>261 <c>query_short_channel_ids</c>.</summary>
    QueryShortChannelIds = 261,

    /// <summary>262 <c>reply_short_channel_ids_end</c>.</summary>
    ReplyShortChannelIdsEnd = 262,

    /// <summary>263 <c>query_channel_range</c>.</summary>
    QueryChannelRange = 263,

    /// <summary>264 <c>reply_channel_range</c>.</summary>
    ReplyChannelRange = 264,

    /// <summary>265 <c>gossip_timestamp_filter</c>.</summary>
    GossipTimestampFilter = 265,
}
