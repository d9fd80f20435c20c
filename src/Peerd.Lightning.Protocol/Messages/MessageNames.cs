namespace Peerd.Lightning.Protocol.Messages;

/// <summary>Spec names of message types, for logs (<c>init</c>, <c>node_announcement</c>, <c>unknown_32769</c>).</summary>
public static class MessageNames
{
    /// <summary>The BOLT name of <paramref name="type"/>, or <c>unknown_N</c>.</summary>
    public static string Of(ushort type) => (MessageType)type switch
    {
        MessageType.Warning => "warning",
        MessageType.PeerStorage => "peer_storage",
        MessageType.PeerStorageRetrieval => "peer_storage_retrieval",
        MessageType.Init => "init",
        MessageType.Error => "error",
        MessageType.Ping => "ping",
        MessageType.Pong => "pong",
        MessageType.ChannelAnnouncement => "channel_announcement",
        MessageType.NodeAnnouncement => "node_announcement",
        MessageType.ChannelUpdate => "channel_update",
        MessageType.AnnouncementSignatures => "announcement_signatures",
        MessageType.QueryShortChannelIds => "query_short_channel_ids",
        MessageType.ReplyShortChannelIdsEnd => "reply_short_channel_ids_end",
        MessageType.QueryChannelRange => "query_channel_range",
        MessageType.ReplyChannelRange => "reply_channel_range",
        MessageType.GossipTimestampFilter => "gossip_timestamp_filter",
        _ => $"unknown_{type}",
    };
}
