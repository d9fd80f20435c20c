using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Node;

namespace Peerd.Lightning.Rpc;

/// <summary>
/// The per-peer part of Core Lightning's in-memory log book, for <c>listpeers [id] [level]</c>: every event the
/// Lightning node logs about a peer (the log events naming a <c>NodeId</c>: dialling, connected, disconnected,
/// dial failures, warnings and errors received, pings), kept at Debug and above whatever <c>--log-level</c> prints,
/// as Core Lightning keeps its book regardless of what it prints. Registered as a logging provider.
/// </summary>
/// <remarks>
/// Bounded: <see cref="EntriesPerPeer"/> per peer (older ones are dropped and reported as Core Lightning reports
/// pruned entries, a <c>SKIPPED</c> entry with their count) and <see cref="MaxPeers"/> peers (the peer least recently
/// logged about is forgotten).
/// </remarks>
public sealed class PeerLogBook : ILoggerProvider
{
    /// <summary>
    /// Entries kept per peer: 100. A connection logs about five events (dial, connected, pings, disconnected), so
    /// this is the last twenty or so sessions; at ~200 bytes an entry, 20 KB per peer.
    /// </summary>
    public const int EntriesPerPeer = 100;

    /// <summary>Peers remembered: 1024, so the book stays under ~20 MB however many peers come and go.</summary>
    public const int MaxPeers = 1024;

    /// <summary>The logger category whose events are collected (the Lightning node's).</summary>
    public const string Category = "lightning";

    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ConcurrentDictionary<NodeId, PeerEntries> _peers = new();
    private readonly BookLogger _logger;

    /// <summary>Creates an empty book; entry times count from now, as Core Lightning's count from its start.</summary>
    public PeerLogBook(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _start = time.GetTimestamp();
        _logger = new BookLogger(this);
    }

    /// <summary>One entry in Core Lightning's shape (<c>log_to_json</c>).</summary>
    /// <param name="Type"><c>BROKEN</c>, <c>UNUSUAL</c>, <c>INFO</c>, <c>DEBUG</c> or <c>TRACE</c>.</param>
    /// <param name="Time">Seconds since the book started, with 9 decimals, as a string.</param>
    /// <param name="Source">The logger category.</param>
    /// <param name="Log">The message.</param>
    /// <param name="Level">The level, for filtering.</param>
    public sealed record Entry(string Type, string Time, string Source, string Log, LogLevel Level);

    /// <summary>
    /// The entries about <paramref name="id"/> at <paramref name="minimum"/> or above, oldest first, with the count
    /// of entries skipped before each (below the level, or dropped for room), as Core Lightning lists them.
    /// </summary>
    public IReadOnlyList<(int SkippedBefore, Entry? Entry)> Read(NodeId id, LogLevel minimum)
    {
        var result = new List<(int, Entry?)>();
        if (!_peers.TryGetValue(id, out var entries))
        {
            return result;
        }

        int skipped;
        Entry[] snapshot;
        lock (entries)
        {
            skipped = entries.Dropped;
            snapshot = [.. entries.Items];
        }

        foreach (var entry in snapshot)
        {
            if (entry.Level < minimum)
            {
                skipped++;
                continue;
            }

            result.Add((skipped, entry));
            skipped = 0;
        }

        if (skipped > 0)
        {
            result.Add((skipped, null));
        }

        return result;
    }

    /// <summary>Records one entry (also used directly by tests).</summary>
    public void Add(NodeId id, LogLevel level, string source, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var elapsed = _time.GetElapsedTime(_start);
        var seconds = elapsed.Ticks / TimeSpan.TicksPerSecond;
        var nanoseconds = elapsed.Ticks % TimeSpan.TicksPerSecond * 100;
        var entry = new Entry(TypeName(level), string.Create(CultureInfo.InvariantCulture, $"{seconds}.{nanoseconds:D9}"), source, message, level);
        var entries = _peers.GetOrAdd(id, _ => new PeerEntries());
        lock (entries)
        {
            entries.Items.Enqueue(entry);
            entries.LastUsed = elapsed.Ticks;
            if (entries.Items.Count > EntriesPerPeer)
            {
                entries.Items.Dequeue();
                entries.Dropped++;
            }
        }

        if (_peers.Count > MaxPeers)
        {
            ForgetOldest();
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? _logger : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void ForgetOldest()
    {
        var oldest = _peers.OrderBy(p => Volatile.Read(ref p.Value.LastUsed)).FirstOrDefault();
        if (oldest.Value is not null)
        {
            _peers.TryRemove(oldest.Key, out _);
        }
    }

    private static string TypeName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "UNUSUAL",
        _ => "BROKEN",
    };

    private sealed class PeerEntries
    {
        public readonly Queue<Entry> Items = new();
        public int Dropped;
        public long LastUsed;
    }

    private sealed class BookLogger(PeerLogBook book) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            foreach (var (key, value) in values)
            {
                if (key == "NodeId" && value is not null && NodeIdOf(value) is { } id)
                {
                    book.Add(id, logLevel, Category, formatter(state, exception));
                    return;
                }
            }
        }

        private static NodeId? NodeIdOf(object value) => value switch
        {
            NodeId id => id,
            string text when NodeId.TryParse(text, out var parsed) => parsed,
            _ => null,
        };
    }
}
