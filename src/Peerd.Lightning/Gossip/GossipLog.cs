using Microsoft.Extensions.Logging;
using Peerd.Primitives.Logging;

namespace Peerd.Lightning.Gossip;

/// <summary>Log events of the address book and the gossip responder (ids 1100–1149). Peer-caused events stay at or below Information.</summary>
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
    [LoggerMessage(1114, LogLevel.Debug, "Peer {Peer}: answered {Query} with {Reply}")]
    public static partial void Answered(ILogger logger, string peer, string query, string reply);
}
