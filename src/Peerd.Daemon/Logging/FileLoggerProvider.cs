using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Peerd.Daemon.Logging;

/// <summary>
/// Appends log lines to <c>--log-file</c>: <c>2026-11-20T10:00:00.000Z INFO Category: message</c>. A caller only
/// formats its message and queues it: log calls run on the sockets' epoll threads (inline completions), and a disk
/// write there would stall every connection behind it. One background thread writes the lines in order, and flushes
/// at once after a Warning or worse, otherwise at least every <see cref="FlushInterval"/>. The queue is bounded
/// (<see cref="QueueCapacity"/> lines, <see cref="MaxQueuedChars"/> characters): when it is full a line is dropped and
/// counted, and the count is written as soon as the writer catches up. Dispose writes what is queued, within
/// <see cref="DrainDeadline"/>.
/// </summary>
public sealed class FileLoggerProvider : ILoggerProvider
{
    /// <summary>
    /// Lines queued at most. A burst of this many lines (a second of debug logging under a flood) is written rather
    /// than dropped; at ~200 bytes a line it is under 2 MiB.
    /// </summary>
    public const int QueueCapacity = 8192;

    /// <summary>
    /// Characters queued at most, whatever the number of lines: a single line can be long (a peer's warning text is up
    /// to 65,535 bytes, twice that in hex), so the line bound alone would not bound memory. 4 Mi characters is 8 MiB.
    /// </summary>
    public const long MaxQueuedChars = 4L * 1024 * 1024;

    /// <summary>How long a line at most stays in the writer's buffer before it reaches the file (Warning+ at once).</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long <see cref="Dispose"/> waits for the queue to reach the file: a stuck disk must not hold up shutdown.</summary>
    public static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(5);

    private readonly Channel<Line> _queue = Channel.CreateBounded<Line>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait, // never waited on: TryWrite fails instead, and the line is counted
    });

    private readonly LogLevel _minimum;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, FileLogger> _loggers = new();
    private readonly Lock _writerLock = new();
    private readonly Thread _thread;
    private StreamWriter _writer;
    private long _queuedChars;
    private long _dropped;
    private int _disposed;

    /// <summary>Opens (appends to) <paramref name="path"/>.</summary>
    public FileLoggerProvider(string path, LogLevel minimum)
        : this(OpenWriter(path), minimum, TimeProvider.System)
    {
        FilePath = path;
    }

    /// <summary>Writes to <paramref name="stream"/>, which it owns; lines are stamped with <paramref name="time"/>'s clock.</summary>
    public FileLoggerProvider(Stream stream, LogLevel minimum, TimeProvider time)
        : this(new StreamWriter(stream), minimum, time)
    {
    }

    private FileLoggerProvider(StreamWriter writer, LogLevel minimum, TimeProvider time)
    {
        _writer = writer;
        _minimum = minimum;
        _time = time;
        _thread = new Thread(Run) { IsBackground = true, Name = "peerd log file" };
        _thread.Start();
    }

    /// <summary>The file's path, as given (null when writing to a stream).</summary>
    public string? FilePath { get; }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new FileLogger(this, name));

    /// <summary>
    /// Opens the path again and writes there from now on (after logrotate moved the file away). The new file is
    /// opened before the old one is closed, so when it cannot be opened nothing is lost.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider writes to a stream, not a path.</exception>
    /// <exception cref="IOException">The path cannot be opened; the old file stays in use.</exception>
    /// <exception cref="UnauthorizedAccessException">The path cannot be opened; the old file stays in use.</exception>
    public void Reopen()
    {
        var fresh = OpenWriter(FilePath ?? throw new InvalidOperationException("this log writes to a stream"));

        // The swap takes its place in the queue, so every line logged before the call still goes to the old file.
        var swap = new Line(_time.GetUtcNow(), LogLevel.None, string.Empty, string.Empty, null, fresh);
        if (Volatile.Read(ref _disposed) == 0 && _queue.Writer.TryWrite(swap))
        {
            Interlocked.Add(ref _queuedChars, swap.Chars);
            return;
        }

        // A full queue (or a closing provider): swap at once; queued lines then land in the new file.
        Swap(fresh);
    }

    private void Swap(StreamWriter fresh)
    {
        lock (_writerLock)
        {
            try
            {
                _writer.Flush();
            }
            catch (IOException)
            {
                // The old file's disk failed: its unflushed lines are lost, the new file is used.
            }

            (_writer, fresh) = (fresh, _writer);
        }

        fresh.Dispose();
    }

    /// <summary>Writes what is queued (waiting at most <see cref="DrainDeadline"/>) and closes the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        if (_thread.Join(DrainDeadline))
        {
            _writer.Dispose();
        }

        // Otherwise the disk is stuck: the writer thread is a background thread and the process's exit closes the file.
    }

    private static StreamWriter OpenWriter(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 0 };
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

        // Unbuffered file, one 32 KiB character buffer: a flush is one write(2) of everything since the last.
        return new StreamWriter(new FileStream(path, options), bufferSize: 32 * 1024);
    }

    private void Enqueue(LogLevel level, string category, string message, Exception? exception)
    {
        var line = new Line(_time.GetUtcNow(), level, category, message, exception?.ToString());
        var chars = line.Chars;
        if (Interlocked.Add(ref _queuedChars, chars) > MaxQueuedChars || !_queue.Writer.TryWrite(line))
        {
            Interlocked.Add(ref _queuedChars, -chars);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>The writer thread: drains the queue in order until it is completed and empty.</summary>
    private void Run()
    {
        var reader = _queue.Reader;
        var lastFlush = Environment.TickCount64;
        var unflushed = false;
        while (true)
        {
            while (reader.TryRead(out var line))
            {
                Interlocked.Add(ref _queuedChars, -line.Chars);
                Write(line);
                unflushed = true;
                if (line.Level >= LogLevel.Warning || Environment.TickCount64 - lastFlush >= (long)FlushInterval.TotalMilliseconds)
                {
                    Flush();
                    lastFlush = Environment.TickCount64;
                    unflushed = false;
                }
            }

            unflushed |= WriteDropReport();
            var more = reader.WaitToReadAsync().AsTask();
            if (unflushed && !more.Wait(FlushInterval))
            {
                Flush();
                lastFlush = Environment.TickCount64;
                unflushed = false;
            }

            if (!more.GetAwaiter().GetResult())
            {
                break;
            }
        }

        WriteDropReport();
        Flush();
    }

    private void Write(in Line line)
    {
        if (line.Swap is { } fresh)
        {
            Swap(fresh);
            return;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{line.Time:yyyy-MM-ddTHH:mm:ss.fffZ} {Name(line.Level)} {line.Category}: {line.Message}");
        lock (_writerLock)
        {
            try
            {
                _writer.WriteLine(text);
                if (line.Exception is not null)
                {
                    _writer.WriteLine(line.Exception);
                }
            }
            catch (IOException)
            {
                // A full or failing disk: the line is lost, the daemon goes on (there is nowhere left to say so).
            }
        }
    }

    private bool WriteDropReport()
    {
        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped == 0)
        {
            return false;
        }

        Write(new Line(_time.GetUtcNow(), LogLevel.Warning, "peerd", $"{dropped} log line(s) dropped: the log file's queue was full", null));
        return true;
    }

    private void Flush()
    {
        lock (_writerLock)
        {
            try
            {
                _writer.Flush();
            }
            catch (IOException)
            {
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

    /// <summary>A line to write, or (with <paramref name="Swap"/>) the point in the queue where <see cref="Reopen"/> takes effect.</summary>
    private readonly record struct Line(DateTimeOffset Time, LogLevel Level, string Category, string Message, string? Exception, StreamWriter? Swap = null)
    {
        /// <summary>What the line holds, in characters, for the queue's bound.</summary>
        public int Chars => Category.Length + Message.Length + (Exception?.Length ?? 0) + 40;
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Enqueue(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
