using System.Threading.Channels;

namespace Peerd.Xrpl.Admin.Streams;

/// <summary>
/// One WebSocket connection's subscriptions and its bounded queue of stream messages. A client that does not read
/// loses messages past the bound rather than growing the node's memory (rippled drops slow subscribers too).
/// </summary>
internal sealed class StreamSubscriber
{
    /// <summary>Messages queued per subscriber before new ones are dropped.</summary>
    public const int QueueLimit = 1024;

    private readonly HashSet<string> _streams = [];
    private readonly Lock _lock = new();

    /// <summary>The queued messages (UTF-8 JSON), drained by the connection.</summary>
    public Channel<byte[]> Queue { get; } = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueueLimit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>Adds streams.</summary>
    public void Add(IEnumerable<string> streams)
    {
        lock (_lock)
        {
            _streams.UnionWith(streams);
        }
    }

    /// <summary>Removes streams.</summary>
    public void Remove(IEnumerable<string> streams)
    {
        lock (_lock)
        {
            _streams.ExceptWith(streams);
        }
    }

    /// <summary>True when subscribed to <paramref name="stream"/>.</summary>
    public bool Wants(string stream)
    {
        lock (_lock)
        {
            return _streams.Contains(stream);
        }
    }
}
