using Microsoft.Extensions.Logging;

namespace Peerd.TestKit;

/// <summary>
/// Keeps every log entry a test's code writes, formatted as an operator would read it: give the code
/// <see cref="Factory"/>, a logger from <see cref="CreateLogger"/>, or this object itself (category ""). Thread-safe.
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ILogger
{
    private readonly List<Entry> _entries = [];
    private readonly Lazy<ILoggerFactory> _factory;

    /// <summary>Creates an empty log.</summary>
    public CapturedLog()
    {
        _factory = new Lazy<ILoggerFactory>(() => LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Trace)));
    }

    /// <summary>A factory whose loggers write here (every level).</summary>
    public ILoggerFactory Factory => _factory.Value;

    /// <summary>Each entry's level, category and text, with the exception's type and message appended when there is one.</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries.Select(e => (e.Level, e.Category, e.Text + (e.Exception is null ? string.Empty : $" {e.Exception.GetType().Name}: {e.Exception.Message}")))];
            }
        }
    }

    /// <summary>Each entry's level and formatted text alone.</summary>
    public IReadOnlyList<(LogLevel Level, string Text)> Lines
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries.Select(e => (e.Level, e.Text))];
            }
        }
    }

    /// <summary>Fails the test if anything was logged at Error or above.</summary>
    public void AssertNoErrors()
    {
        var errors = Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "logged at Error: " + string.Join(" | ", errors.Select(e => $"{e.Category}: {e.Message}")));
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Add(logLevel, string.Empty, formatter(state, exception), exception);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }

    private void Add(LogLevel level, string category, string text, Exception? exception)
    {
        lock (_entries)
        {
            _entries.Add(new Entry(level, category, text, exception));
        }
    }

    private sealed record Entry(LogLevel Level, string Category, string Text, Exception? Exception);

    private sealed class CategoryLogger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(logLevel, category, formatter(state, exception), exception);
    }
}
