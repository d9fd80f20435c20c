using Microsoft.Extensions.Logging;

namespace Peerd.Lightning.Chain;

/// <summary>Log events of the chain source (ids 1200–1219). bitcoind is ours, not a peer's: its failures are warnings, throttled.</summary>
internal static partial class ChainLog
{
    [LoggerMessage(1200, LogLevel.Warning, "bitcoind unreachable: {Reason}; channel_announcements wait up to {Seconds} s for it, then are refused until it answers ({Refused} refused so far)")]
    public static partial void Unreachable(ILogger logger, string reason, double seconds, long refused);

    [LoggerMessage(1201, LogLevel.Information, "bitcoind answers again after {Seconds} s")]
    public static partial void Reachable(ILogger logger, long seconds);
}
