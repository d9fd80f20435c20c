using Microsoft.Extensions.Logging;
using Peerd.Primitives.Logging;

namespace Peerd.Lightning.Gossip;

/// <summary>Log events of the address book, the gossip responder, ingest and store, and the gossip sync (ids 1100–1149). Peer-caused events stay at or below Information.</summary>
internal static partial class GossipLog
{
    [LoggerMessage(1100, LogLevel.Information, "Address book {Path}: {Nodes} nodes ({Announced} announced) from {Records} records")]
    public static partial void Opened(ILogger logger, string path, int nodes, int announced, int records);

    [LoggerMessage(1101, LogLevel.Warning, "Address book {Path}: dropped {Bytes} bytes at offset {Offset} ({Problem}); the records before it are kept")]
    public static partial void Truncated(ILogger logger, string path, long bytes, long offset, string problem);

    [LoggerMessage(1102, LogLevel.Warning, "Address book {Path} is not in a format Peerd reads; moved to {Aside} and starting empty")]
    public static partial void MovedAside(ILogger logger, string path, string aside);

    [LoggerMessage(1103, LogLevel.Debug, "Address book compacted from {Before} to {After} bytes")]
    public static partial void Compacted(ILogger logger, long before, long after);

    [LoggerMessage(1104, LogLevel.Error, "Address book {Path} cannot be written; keeping addresses in memory only")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(1105, LogLevel.Debug, "Address book full: forgot {NodeId} to make room")]
    public static partial void Evicted(ILogger logger, string nodeId);

    [RemoteTriggered]
    [LoggerMessage(1110, LogLevel.Debug, "Peer {Peer}: node_announcement of {NodeId} stored ({Addresses} addresses)")]
    public static partial void AnnouncementStored(ILogger logger, string peer, string nodeId, int addresses);

    [RemoteTriggered]
    [LoggerMessage(1111, LogLevel.Information, "Peer {Peer} sent an invalid node_announcement: {Reason}")]
    public static partial void AnnouncementInvalid(ILogger logger, string peer, string reason);

    [RemoteTriggered]
    [LoggerMessage(1112, LogLevel.Debug, "Peer {Peer}: node_announcement refused: {Reason}")]
    public static partial void AnnouncementRefused(ILogger logger, string peer, string reason);

    [RemoteTriggered]
    [LoggerMessage(1113, LogLevel.Debug, "Peer {Peer}: over the node_announcement verification budget; dropping")]
    public static partial void RateLimited(ILogger logger, string peer);

    [RemoteTriggered]
    [LoggerMessage(1114, LogLevel.Debug, "Peer {Peer}: answering {Query}")]
    public static partial void Answered(ILogger logger, string peer, string query);

    [RemoteTriggered]
    [LoggerMessage(1115, LogLevel.Debug, "Peer {Peer}: {Query} dropped: its previous query is still being answered")]
    public static partial void QueryDropped(ILogger logger, string peer, string query);

    [RemoteTriggered]
    [LoggerMessage(1120, LogLevel.Debug, "Peer {Peer} sent invalid gossip: {Reason}")]
    public static partial void GossipInvalid(ILogger logger, string peer, string reason);

    [RemoteTriggered]
    [LoggerMessage(1121, LogLevel.Trace, "Peer {Peer}: gossip refused: {Reason}")]
    public static partial void GossipRefused(ILogger logger, string peer, string reason);

    [LoggerMessage(1122, LogLevel.Critical, "Gossip batch failed; its messages are lost")]
    public static partial void BatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(1123, LogLevel.Warning, "Gossip store {Path} is not in a format Peerd reads; moved to {Aside} and starting empty")]
    public static partial void StoreMovedAside(ILogger logger, string path, string aside);

    [LoggerMessage(1124, LogLevel.Warning, "Gossip store {Path}: dropped {Bytes} bytes at offset {Offset} (a torn or corrupt record); the records before it are kept")]
    public static partial void StoreTruncated(ILogger logger, string path, long bytes, long offset);

    [LoggerMessage(1125, LogLevel.Error, "Gossip store {Path} cannot be written; keeping the graph in memory only")]
    public static partial void StoreWriteFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(1126, LogLevel.Information, "Gossip store {Path}: {Channels} channels, {Nodes} nodes from {Records} records in {Milliseconds} ms")]
    public static partial void StoreOpened(ILogger logger, string path, int channels, int nodes, int records, long milliseconds);

    [RemoteTriggered]
    [LoggerMessage(1127, LogLevel.Information, "Asked {Peer} for gossip from {From} (first_timestamp {FirstTimestamp})")]
    public static partial void SyncAsked(ILogger logger, string peer, string from, uint firstTimestamp);

    [RemoteTriggered]
    [LoggerMessage(1128, LogLevel.Information, "Gossip sync from {Peer}: {Received} messages in {Seconds} s ({ChannelAnnouncements} channel_announcement, {ChannelUpdates} channel_update, {NodeAnnouncements} node_announcement), {Accepted} accepted; graph {Channels} channels, {Nodes} nodes")]
    public static partial void SyncProgress(ILogger logger, string peer, long received, long seconds, long channelAnnouncements, long channelUpdates, long nodeAnnouncements, long accepted, int channels, int nodes);

    [RemoteTriggered]
    [LoggerMessage(1129, LogLevel.Information, "Gossip sync from {Peer} done in {Seconds} s: {Received} messages ({ChannelAnnouncements} channel_announcement, {ChannelUpdates} channel_update, {NodeAnnouncements} node_announcement), {Accepted} accepted; graph {Channels} channels, {Nodes} nodes")]
    public static partial void SyncDone(ILogger logger, string peer, long seconds, long received, long channelAnnouncements, long channelUpdates, long nodeAnnouncements, long accepted, int channels, int nodes);

    [RemoteTriggered]
    [LoggerMessage(1130, LogLevel.Information, "Gossip sync from {Peer} cut short: it disconnected after {Seconds} s and {Received} messages ({Accepted} accepted); another peer is asked when one connects")]
    public static partial void SyncDisconnected(ILogger logger, string peer, long seconds, long received, long accepted);
}
