using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Admin.Streams;

/// <summary>The WebSocket subscribers and the streams Peerd publishes: <c>validations</c>, <c>manifests</c>, <c>peer_status</c>.</summary>
internal sealed class StreamHub
{
    /// <summary>Streams anyone may subscribe to.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal) { "validations", "manifests" };

    /// <summary>Streams only admins may subscribe to (rippled: <c>peer_status</c> needs admin).</summary>
    public static readonly IReadOnlySet<string> AdminOnly = new HashSet<string>(StringComparer.Ordinal) { "peer_status" };

    private readonly ConcurrentDictionary<StreamSubscriber, byte> _subscribers = new();

    /// <summary>Registers a connection.</summary>
    public void Add(StreamSubscriber subscriber) => _subscribers.TryAdd(subscriber, 0);

    /// <summary>Forgets a connection.</summary>
    public void Remove(StreamSubscriber subscriber)
    {
        _subscribers.TryRemove(subscriber, out _);
        subscriber.Queue.Writer.TryComplete();
    }

    /// <summary>Queues <paramref name="message"/> to every subscriber of <paramref name="stream"/> (serialised once, lazily).</summary>
    public void Publish(string stream, Func<JsonObject> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[]? bytes = null;
        foreach (var subscriber in _subscribers.Keys)
        {
            if (subscriber.Wants(stream))
            {
                bytes ??= SortedJson.ToUtf8(message());
                subscriber.Queue.Writer.TryWrite(bytes);
            }
        }
    }
}
