using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Peerd.Xrpl.Tests.Support;

/// <summary>Collects log entries so tests can assert that nothing was logged at Error.</summary>
public sealed class TestLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public TestLog()
    {
        Factory = LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Debug));
    }

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public void AssertNoErrors()
    {
        var errors = _entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "logged at Error: " + string.Join(" | ", errors.Select(e => $"{e.Category}: {e.Message}")));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : $" {exception.GetType().Name}: {exception.Message}")));
    }
}
