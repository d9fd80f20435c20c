using Microsoft.Extensions.Logging;
using Peerd.Lightning.Node;
using Peerd.Lightning.Transport;
using Peerd.Primitives.Logging;

namespace Peerd.Lightning.Logging;

/// <summary>
/// The Lightning node's log events (source-generated, stable ids 1000–1099). Nothing a remote peer causes is logged
/// above Information (peer arrivals and departures are Debug: at thousands per second they would cost more than the
/// handshake's bookkeeping); Error is reserved for faults of our own. Events a peer can repeat at will are
/// <see cref="RemoteTriggeredAttribute">[RemoteTriggered]</see>, and the daemon throttles them.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [RemoteTriggered]
    [LoggerMessage(1002, LogLevel.Warning, "Accept on {Address} failed: {Reason}")]
    public static partial void AcceptFailed(ILogger logger, string address, string reason);

    // The per-connection Debug lines take the objects, not strings: formatted only when Debug is on.
    [RemoteTriggered]
    [LoggerMessage(1010, LogLevel.Debug, "Connection from {Address}")]
    public static partial void Accepted(ILogger logger, PeerEndpoint address);

    [LoggerMessage(1011, LogLevel.Debug, "Connecting to {NodeId} at {Address}")]
    public static partial void Dialing(ILogger logger, NodeId nodeId, PeerEndpoint address);

    [RemoteTriggered]
    [LoggerMessage(1012, LogLevel.Debug, "Peer {NodeId} connected ({Direction}, {Address})")]
    public static partial void PeerConnected(ILogger logger, NodeId nodeId, string direction, PeerEndpoint address);

    [RemoteTriggered]
    [LoggerMessage(1013, LogLevel.Debug, "Peer {NodeId} disconnected: {Reason}")]
    public static partial void PeerDisconnected(ILogger logger, NodeId nodeId, string reason);

    [RemoteTriggered]
    [LoggerMessage(1014, LogLevel.Debug, "Connection from {Address} closed during {Stage}: {Reason}")]
    public static partial void InboundFailed(ILogger logger, string address, string stage, string reason);

    [LoggerMessage(1015, LogLevel.Debug, "Connect to {NodeId} at {Address} failed: {Reason}")]
    public static partial void DialFailed(ILogger logger, string nodeId, string address, string reason);

    [RemoteTriggered]
    [LoggerMessage(1016, LogLevel.Information, "Refusing connection from {Address}: {Reason}")]
    public static partial void Shed(ILogger logger, string address, string reason);

    [RemoteTriggered]
    [LoggerMessage(1020, LogLevel.Information, "Peer {NodeId} sent warning: {Text}")]
    public static partial void WarningReceived(ILogger logger, string nodeId, string text);

    [RemoteTriggered]
    [LoggerMessage(1021, LogLevel.Information, "Peer {NodeId} sent error: {Text}")]
    public static partial void ErrorReceived(ILogger logger, string nodeId, string text);

    [RemoteTriggered]
    [LoggerMessage(1022, LogLevel.Debug, "Peer {NodeId}: ignoring unknown odd message type {Type}")]
    public static partial void IgnoredOddMessage(ILogger logger, string nodeId, int type);

    [RemoteTriggered]
    [LoggerMessage(1023, LogLevel.Debug, "Peer {NodeId}: ping ({NumPongBytes} pong bytes requested)")]
    public static partial void PingReceived(ILogger logger, string nodeId, int numPongBytes);

    [LoggerMessage(1024, LogLevel.Debug, "Peer {NodeId}: sending ping")]
    public static partial void PingSent(ILogger logger, string nodeId);

    [RemoteTriggered]
    [LoggerMessage(1030, LogLevel.Error, "Unexpected fault in the connection to {Address}")]
    public static partial void ConnectionFault(ILogger logger, Exception exception, string address);
}
