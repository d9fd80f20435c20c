using Microsoft.Extensions.Logging;

namespace Peerd.Daemon.Logging;

/// <summary>The daemon's own log events (ids 3100–3199, <see cref="LogEventRanges"/>).</summary>
internal static partial class DaemonLog
{
    [LoggerMessage(3100, LogLevel.Information, "Listening on {Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(3101, LogLevel.Information, "Server started with public key {NodeId}, alias {Alias} (network {Network})")]
    public static partial void Started(ILogger logger, string nodeId, string alias, string network);

    [LoggerMessage(3102, LogLevel.Critical, "Cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);

    [LoggerMessage(3103, LogLevel.Information, "Shutting down")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(3104, LogLevel.Information, "Peer sockets limited to {Budget}, both peer ports together (descriptor limit {Limit}, {Open} open at start, {Reserve} reserved)")]
    public static partial void PeerSocketBudget(ILogger logger, int budget, long limit, int open, int reserve);

    [LoggerMessage(3105, LogLevel.Information, "Serving metrics at http://{Address}/metrics")]
    public static partial void ServingMetrics(ILogger logger, string address);

    [LoggerMessage(3110, LogLevel.Error, "RPC method {Method} failed")]
    public static partial void RpcMethodFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(3111, LogLevel.Warning, "RPC connection failed")]
    public static partial void RpcConnectionFailed(ILogger logger, Exception exception);

    // Logged at the level of the events it counts; the positional form has no constructor without a level.
    [LoggerMessage(EventId = 3120, Message = "{Count} more {EventName} events (id {EventId}) were not logged: at most {Burst} per {IntervalSeconds} s are")]
    public static partial void Suppressed(ILogger logger, LogLevel level, long count, string eventName, int eventId, int burst, double intervalSeconds);

    [LoggerMessage(3130, LogLevel.Debug, "Connect path warmed up: {Cycles} loopback connects, {Methods} methods compiled, in {Milliseconds:F0} ms")]
    public static partial void WarmUpFinished(ILogger logger, int cycles, long methods, double milliseconds);

    [LoggerMessage(3131, LogLevel.Debug, "Connect path warm-up skipped: {Reason}")]
    public static partial void WarmUpFailed(ILogger logger, string reason);

    [LoggerMessage(3132, LogLevel.Information, "Checking channel_announcement funding outputs through bitcoind at {Endpoint}")]
    public static partial void CheckingFundingOutputs(ILogger logger, string endpoint);
}
