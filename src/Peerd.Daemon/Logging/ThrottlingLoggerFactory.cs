using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Peerd.Primitives.Logging;

namespace Peerd.Daemon.Logging;

/// <summary>
/// The daemon's logger factory: every logger it hands out passes the events that a remote peer can repeat at will
/// (<see cref="RemoteTriggeredAttribute">[RemoteTriggered]</see>, <see cref="LogEventRanges.RemoteTriggeredIds"/>)
/// through a <see cref="LogThrottle"/> per event id, so that a flood of connections, handshakes or peer warnings
/// cannot flood the log or spend the daemon's time on it. What was held back is counted and reported (event 3120) by
/// the next event of that id let through, every <see cref="NoticeInterval"/>, and at disposal. Other events pass
/// untouched.
/// </summary>
public sealed class ThrottlingLoggerFactory : ILoggerFactory
{
    /// <summary>
    /// Information and above (what an operator reads at the default level): at most 10 lines of one event per 10 s,
    /// enough to see who and what, and at most one line a second of any one kind.
    /// </summary>
    public const int NoticeBurst = 10;

    /// <summary>The window of <see cref="NoticeBurst"/>, and the period of the summary of what was held back.</summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Debug and Trace are detail an operator asked for, one line per connection event: 1,000 lines of one event a
    /// second keep that (a thousand slow handshakes timing out together are all logged) and still bound a flood.
    /// </summary>
    public const int DetailBurst = 1000;

    /// <summary>The window of <see cref="DetailBurst"/>.</summary>
    public static readonly TimeSpan DetailInterval = TimeSpan.FromSeconds(1);

    private readonly ILoggerFactory _inner;
    private readonly IReadOnlySet<int> _throttled;
    private readonly LogThrottle _notice;
    private readonly LogThrottle _detail;
    private readonly ConcurrentDictionary<int, Source> _sources = new();
    private readonly ITimer _summary;
    private int _disposed;

    /// <summary>Wraps <paramref name="inner"/> (owned), throttling the events whose ids are in <paramref name="throttled"/>.</summary>
    public ThrottlingLoggerFactory(ILoggerFactory inner, IReadOnlySet<int> throttled, TimeProvider time)
    {
        _inner = inner;
        _throttled = throttled;
        _notice = new LogThrottle(time, NoticeBurst, NoticeInterval);
        _detail = new LogThrottle(time, DetailBurst, DetailInterval);
        _summary = time.CreateTimer(_ => ReportSuppressed(closing: false), null, NoticeInterval, NoticeInterval);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new ThrottledLogger(this, _inner.CreateLogger(categoryName));

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    /// <summary>Reports what is still held back, then disposes the inner factory (and its providers).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _summary.Dispose();
        ReportSuppressed(closing: true);
        _inner.Dispose();
    }

    private void ReportSuppressed(bool closing)
    {
        foreach (var throttle in (ReadOnlySpan<LogThrottle>)[_notice, _detail])
        {
            foreach (var (id, count) in throttle.TakeSuppressed(evenOpenWindows: closing))
            {
                if (_sources.TryGetValue(id, out var source))
                {
                    Report(source.Logger, source.Level, count, source.Name, id, throttle);
                }
            }
        }
    }

    private static void Report(ILogger logger, LogLevel level, long count, string? name, int id, LogThrottle throttle) =>
        DaemonLog.Suppressed(logger, level, count, name ?? "such", id, throttle.Burst, throttle.Interval.TotalSeconds);

    private readonly record struct Source(ILogger Logger, LogLevel Level, string? Name);

    private sealed class ThrottledLogger(ThrottlingLoggerFactory factory, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (factory._throttled.Contains(eventId.Id) && inner.IsEnabled(logLevel))
            {
                var throttle = logLevel >= LogLevel.Information ? factory._notice : factory._detail;
                if (!throttle.TryEnter(eventId.Id, out var suppressed))
                {
                    factory._sources.TryAdd(eventId.Id, new Source(inner, logLevel, eventId.Name));
                    return;
                }

                if (suppressed > 0)
                {
                    Report(inner, logLevel, suppressed, eventId.Name, eventId.Id, throttle);
                }
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
