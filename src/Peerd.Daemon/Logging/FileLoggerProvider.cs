using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Peerd.Daemon.Logging;

/// <summary>
/// Appends log lines to <c>--log-file</c>: <c>2026-11-20T10:00:00.000Z INFO Category: message</c>. Writes go
/// through one lock and are flushed per line, so a crash loses nothing already logged.
/// </summary>
public sealed class FileLoggerProvider : ILoggerProvider
{
    private StreamWriter _writer;
    private readonly LogLevel _minimum;
    private readonly ConcurrentDictionary<string, FileLogger> _loggers = new();
    private readonly Lock _lock = new();

    /// <summary>Opens (appends to) <paramref name="path"/>.</summary>
    public FileLoggerProvider(string path, LogLevel minimum)
    {
        FilePath = path;
        _writer = Open(path);
        _minimum = minimum;
    }

    /// <summary>The file's path, as given.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Opens the path again and writes there from now on (after logrotate moved the file away; <c>SIGHUP</c>). The
    /// new file is opened before the old one is closed, so when it cannot be opened nothing is lost.
    /// </summary>
    /// <exception cref="IOException">The path cannot be opened; the old file stays in use.</exception>
    /// <exception cref="UnauthorizedAccessException">The path cannot be opened; the old file stays in use.</exception>
    public void Reopen()
    {
        var fresh = Open(FilePath);
        lock (_lock)
        {
            (_writer, fresh) = (fresh, _writer);
        }

        fresh.Dispose();
    }

    private static StreamWriter Open(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

            // The log often lives in the data directory, which must be private even when the log creates it.
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(directory);
        }

        return new StreamWriter(new FileStream(path, options)) { AutoFlush = true };
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new FileLogger(this, name));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {Name(level)} {category}: {message}");
        lock (_lock)
        {
            _writer.WriteLine(line);
            if (exception is not null)
            {
                _writer.WriteLine(exception.ToString());
            }
        }
    }

    private static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "IO",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "UNUSUAL",
        _ => "BROKEN",
    };

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
