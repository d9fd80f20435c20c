using Microsoft.Extensions.Logging;

namespace Peerd.Daemon.Signals;

/// <summary>The daemon's log lines about signals and its service manager (event ids 3000–3009).</summary>
internal static partial class SignalsLog
{
    [LoggerMessage(3000, LogLevel.Information, "Ending log due to SIGHUP")]
    public static partial void EndingLog(ILogger logger);

    [LoggerMessage(3001, LogLevel.Information, "Started log due to SIGHUP")]
    public static partial void StartedLog(ILogger logger);

    [LoggerMessage(3002, LogLevel.Warning, "SIGHUP: cannot reopen the log file {Path} ({Reason}); still writing to the file already open")]
    public static partial void ReopenFailed(ILogger logger, string path, string reason);
}
