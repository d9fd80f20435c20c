using Microsoft.Extensions.Logging;

namespace Peerd.Xrpl.Hosting;

/// <summary>
/// The XRPL node's log events (ids 5000–5099). Nothing a remote peer or RPC client can cause is logged at Error:
/// inbound noise is Debug, outbound outcomes are Information (rippled's split).
/// </summary>
internal static partial class XrplLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "XRPL node {PublicKey} started: peer port {PeerEndpoint}, admin API {AdminEndpoint}, network id {NetworkId}")]
    public static partial void NodeStarted(ILogger logger, string publicKey, string peerEndpoint, string adminEndpoint, string networkId);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "XRPL node key: {Source} ({Path})")]
    public static partial void NodeKey(ILogger logger, string source, string path);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "XRPL node seed file {Path} is readable by other users; chmod 600 it")]
    public static partial void SeedFileTooOpen(ILogger logger, string path);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "XRPL admin API listens on {Endpoint}, which is not a loopback address: protect it with xrpl-admin-allow and xrpl-admin-user/xrpl-admin-password")]
    public static partial void AdminNotLoopback(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "XRPL node stopping: {Reason}")]
    public static partial void Stopping(ILogger logger, string reason);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "XRPL outbound #{AttemptId} to {Target}: connected to {PublicKey} ({Protocol})")]
    public static partial void OutboundConnected(ILogger logger, long attemptId, string target, string publicKey, string protocol);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "XRPL outbound #{AttemptId} to {Target} failed at {Stage}: {Reason}")]
    public static partial void OutboundFailed(ILogger logger, long attemptId, string target, string stage, string reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Debug, Message = "XRPL inbound #{AttemptId} from {Remote}: connected to {PublicKey} ({Protocol})")]
    public static partial void InboundConnected(ILogger logger, long attemptId, string remote, string publicKey, string protocol);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Debug, Message = "XRPL inbound #{AttemptId} from {Remote} refused at {Stage}: {Reason}")]
    public static partial void InboundFailed(ILogger logger, long attemptId, string remote, string stage, string reason);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "XRPL peer {PublicKey} ({Remote}, outbound) closed: {Reason}")]
    public static partial void OutboundPeerClosed(ILogger logger, string publicKey, string remote, string reason);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Debug, Message = "XRPL peer {PublicKey} ({Remote}, inbound) closed: {Reason}")]
    public static partial void InboundPeerClosed(ILogger logger, string publicKey, string remote, string reason);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Debug, Message = "XRPL peer #{PeerId} sent a message of unknown type {Type}; ignored")]
    public static partial void UnknownMessage(ILogger logger, long peerId, ushort type);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Debug, Message = "XRPL peer port accept failed: {Message}")]
    public static partial void AcceptFailed(ILogger logger, string message);

    [LoggerMessage(EventId = 5018, Level = LogLevel.Debug, Message = "XRPL peer port: refusing {Remote}: more than its share of new connections (rate limit)")]
    public static partial void RateLimited(ILogger logger, string remote);

    [LoggerMessage(EventId = 5019, Level = LogLevel.Debug, Message = "XRPL peer port: refusing {Remote}: {Reason}")]
    public static partial void Refused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Debug, Message = "XRPL peer port: closing the handshake from {Remote} ({AgeSeconds:0.0} s old) to admit {Newcomer}: handshake table full")]
    public static partial void EvictedHandshake(ILogger logger, string remote, double ageSeconds, string newcomer);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "XRPL: too many open descriptors ({Cause}): closed {Inbound} inbound handshake(s) and {Outbound} dial(s){Suppressed}")]
    public static partial void ShedPending(ILogger logger, string cause, int inbound, int outbound, string suppressed);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "XRPL: too many open descriptors ({Cause}): closing peer {PublicKey} ({Direction}), chosen at random")]
    public static partial void ShedPeer(ILogger logger, string cause, string publicKey, string direction);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Information, Message = "XRPL peer sockets limited to {Budget} (descriptor limit {Limit}, {Open} open at start, {Reserve} reserved)")]
    public static partial void Budget(ILogger logger, int budget, long limit, int open, int reserve);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Warning, Message = "XRPL: unexpected fault in {Task} (a bug; the connection it served is closed)")]
    public static partial void TaskFault(ILogger logger, Exception exception, string task);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Debug, Message = "XRPL admin {Transport} request from {Remote}: {Method} ({Role})")]
    public static partial void AdminRequest(ILogger logger, string transport, string remote, string method, string role);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "XRPL admin stop requested by {Remote}")]
    public static partial void StopRequested(ILogger logger, string remote);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "XRPL admin request {Method} failed inside the node: {Message}")]
    public static partial void AdminInternalError(ILogger logger, string method, string message);
}
