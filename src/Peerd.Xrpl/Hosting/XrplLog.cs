using Microsoft.Extensions.Logging;
using Peerd.Primitives.Logging;

namespace Peerd.Xrpl.Hosting;

/// <summary>
/// The XRPL node's log events (ids 5000–5099). Nothing a remote peer or RPC client can cause is logged at Error:
/// inbound noise is Debug, outbound outcomes are Information (rippled's split).
/// </summary>
internal static partial class XrplLog
{
    [LoggerMessage(5000, LogLevel.Information, "XRPL node {PublicKey} started: peer port {PeerEndpoint}, admin API {AdminEndpoint}, network id {NetworkId}")]
    public static partial void NodeStarted(ILogger logger, string publicKey, string peerEndpoint, string adminEndpoint, string networkId);

    [LoggerMessage(5001, LogLevel.Information, "XRPL node key: {Source} ({Path})")]
    public static partial void NodeKey(ILogger logger, string source, string path);

    [LoggerMessage(5002, LogLevel.Warning, "XRPL node seed file {Path} is readable by other users; chmod 600 it")]
    public static partial void SeedFileTooOpen(ILogger logger, string path);

    [LoggerMessage(5003, LogLevel.Warning, "XRPL admin API listens on {Endpoint}, which is not a loopback address: protect it with xrpl-admin-allow and xrpl-admin-user/xrpl-admin-password")]
    public static partial void AdminNotLoopback(ILogger logger, string endpoint);

    [LoggerMessage(5004, LogLevel.Information, "XRPL node stopping: {Reason}")]
    public static partial void Stopping(ILogger logger, string reason);

    [LoggerMessage(5010, LogLevel.Information, "XRPL outbound #{AttemptId} to {Target}: connected to {PublicKey} ({Protocol})")]
    public static partial void OutboundConnected(ILogger logger, long attemptId, string target, string publicKey, string protocol);

    [LoggerMessage(5011, LogLevel.Information, "XRPL outbound #{AttemptId} to {Target} failed at {Stage}: {Reason}")]
    public static partial void OutboundFailed(ILogger logger, long attemptId, string target, string stage, string reason);

    [RemoteTriggered]
    [LoggerMessage(5012, LogLevel.Debug, "XRPL inbound #{AttemptId} from {Remote}: connected to {PublicKey} ({Protocol})")]
    public static partial void InboundConnected(ILogger logger, long attemptId, string remote, string publicKey, string protocol);

    [RemoteTriggered]
    [LoggerMessage(5013, LogLevel.Debug, "XRPL inbound #{AttemptId} from {Remote} refused at {Stage}: {Reason}")]
    public static partial void InboundFailed(ILogger logger, long attemptId, string remote, string stage, string reason);

    [RemoteTriggered]
    [LoggerMessage(5014, LogLevel.Information, "XRPL peer {PublicKey} ({Remote}, outbound) closed: {Reason}")]
    public static partial void OutboundPeerClosed(ILogger logger, string publicKey, string remote, string reason);

    [RemoteTriggered]
    [LoggerMessage(5015, LogLevel.Debug, "XRPL peer {PublicKey} ({Remote}, inbound) closed: {Reason}")]
    public static partial void InboundPeerClosed(ILogger logger, string publicKey, string remote, string reason);

    [RemoteTriggered]
    [LoggerMessage(5016, LogLevel.Debug, "XRPL peer #{PeerId} sent a message of unknown type {Type}; ignored")]
    public static partial void UnknownMessage(ILogger logger, long peerId, ushort type);

    [RemoteTriggered]
    [LoggerMessage(5017, LogLevel.Debug, "XRPL peer port accept failed: {Message}")]
    public static partial void AcceptFailed(ILogger logger, string message);

    [RemoteTriggered]
    [LoggerMessage(5018, LogLevel.Debug, "XRPL peer port: refusing {Remote}: more than its share of new connections (rate limit)")]
    public static partial void RateLimited(ILogger logger, string remote);

    [RemoteTriggered]
    [LoggerMessage(5019, LogLevel.Debug, "XRPL peer port: refusing {Remote}: {Reason}")]
    public static partial void Refused(ILogger logger, string remote, string reason);

    [RemoteTriggered]
    [LoggerMessage(5020, LogLevel.Debug, "XRPL peer port: closing the handshake from {Remote} ({AgeSeconds:0.0} s old) to admit {Newcomer}: handshake table full")]
    public static partial void EvictedHandshake(ILogger logger, string remote, double ageSeconds, string newcomer);

    [LoggerMessage(5021, LogLevel.Warning, "XRPL: too many open descriptors ({Cause}): closed {Inbound} inbound handshake(s) and {Outbound} dial(s){Suppressed}")]
    public static partial void ShedPending(ILogger logger, string cause, int inbound, int outbound, string suppressed);

    [LoggerMessage(5022, LogLevel.Warning, "XRPL: too many open descriptors ({Cause}): closing peer {PublicKey} ({Direction}), chosen at random")]
    public static partial void ShedPeer(ILogger logger, string cause, string publicKey, string direction);

    [RemoteTriggered]
    [LoggerMessage(5024, LogLevel.Warning, "XRPL: unexpected fault in {Task} (a bug; the connection it served is closed)")]
    public static partial void TaskFault(ILogger logger, Exception exception, string task);

    [LoggerMessage(5030, LogLevel.Debug, "XRPL admin {Transport} request from {Remote}: {Method} ({Role})")]
    public static partial void AdminRequest(ILogger logger, string transport, string remote, string method, string role);

    [LoggerMessage(5031, LogLevel.Information, "XRPL admin stop requested by {Remote}")]
    public static partial void StopRequested(ILogger logger, string remote);

    [LoggerMessage(5032, LogLevel.Warning, "XRPL admin request {Method} failed inside the node: {Message}")]
    public static partial void AdminInternalError(ILogger logger, string method, string message);
}
