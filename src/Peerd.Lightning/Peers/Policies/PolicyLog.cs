using Microsoft.Extensions.Logging;
using Peerd.Primitives.Logging;

namespace Peerd.Lightning.Peers.Policies;

/// <summary>The log events of the connection policies (source-generated; ids 1150–1199).</summary>
internal static partial class PolicyLog
{
    [RemoteTriggered]
    [LoggerMessage(1150, LogLevel.Debug, "Refusing connection from {Address}: more than its share of new connections (rate limit)")]
    public static partial void RateLimited(ILogger logger, string address);

    [RemoteTriggered]
    [LoggerMessage(1151, LogLevel.Debug, "Closing the handshake from {Address} ({AgeSeconds:0.0} s old) to admit {NewAddress}: handshake table full")]
    public static partial void EvictedHandshake(ILogger logger, string address, double ageSeconds, string newAddress);

    [LoggerMessage(1152, LogLevel.Warning, "Too many open descriptors ({Cause}): closed {Inbound} inbound handshake(s) and {Outbound} connect attempt(s) (Terminated due to too many connections){Suppressed}")]
    public static partial void ShedTransient(ILogger logger, string cause, int inbound, int outbound, string suppressed);

    [LoggerMessage(1153, LogLevel.Warning, "Too many open descriptors ({Cause}): closing peer {NodeId} ({Direction}), chosen at random")]
    public static partial void ShedPeer(ILogger logger, string cause, string nodeId, string direction);
}
