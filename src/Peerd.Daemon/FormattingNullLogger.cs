using Microsoft.Extensions.Logging;

namespace Peerd.Daemon;

/// <summary>
/// A logger that is enabled at every level and formats each event, then drops it: the start-up warm-up's throwaway
/// nodes log through it so that the logging a real connection does (each message class's static set-up, the
/// formatting of node ids and endpoints) is compiled during start-up rather than in a user's first <c>connect</c>,
/// without a line about those nodes reaching the log.
/// </summary>
internal sealed class FormattingNullLogger : ILogger
{
    /// <summary>The one instance (it holds nothing).</summary>
    public static readonly FormattingNullLogger Instance = new();

    private FormattingNullLogger()
    {
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <summary>A provider of <see cref="Instance"/> for every category.</summary>
    public static ILoggerProvider Provider { get; } = new NullProvider();

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _ = formatter(state, exception);
    }

    private sealed class NullProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => Instance;

        public void Dispose()
        {
        }
    }
}
