using System.Collections.Concurrent;
using System.Threading.Channels;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Sends gossip to the peers that asked for it with a <c>gossip_timestamp_filter</c> (BOLT #7: "SHOULD send all
/// gossip messages whose timestamp is greater or equal to <c>first_timestamp</c>, and less than
/// <c>first_timestamp</c> plus <c>timestamp_range</c>", then relay new gossip in that range). Each subscriber has one
/// pump: first the graph's matching snapshot, then what was stored since, each sent waiting for room in the peer's
/// queue (a slow reader slows its own pump, nobody else). Fresh gossip waiting for a pump is bounded
/// (<see cref="MaxQueued"/>); beyond it the oldest is dropped (the peer can query for it) and never sent back to the
/// peer it came from.
/// </summary>
public sealed class GossipRelay
{
    /// <summary>Fresh messages waiting per subscriber at most.</summary>
    public const int MaxQueued = 16_384;

    private readonly ChannelGraph _graph;
    private readonly ConcurrentDictionary<NodeId, Subscriber> _subscribers = new();

    /// <summary>Relays from <paramref name="graph"/>.</summary>
    public GossipRelay(ChannelGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
    }

    /// <summary>Peers with a filter.</summary>
    public int Subscribers => _subscribers.Count;

    /// <summary>Sets (or replaces) <paramref name="peer"/>'s filter and starts sending it the matching graph.</summary>
    public void Subscribe(GossipPeer peer, GossipTimestampFilter filter)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(filter);
        var subscriber = new Subscriber(peer, filter.FirstTimestamp, filter.TimestampRange);
        if (_subscribers.TryGetValue(peer.Id, out var old))
        {
            old.Stop();
        }

        _subscribers[peer.Id] = subscriber;
        subscriber.Start(_graph.Snapshot(filter.FirstTimestamp, filter.TimestampRange));
    }

    /// <summary>Forgets a disconnected peer.</summary>
    public void OnDisconnected(NodeId peer)
    {
        if (_subscribers.TryRemove(peer, out var subscriber))
        {
            subscriber.Stop();
        }
    }

    /// <summary>Offers freshly stored gossip (from <paramref name="origin"/>) to every subscriber whose range holds it.</summary>
    public void Relay(NodeId origin, IReadOnlyList<StoredGossip> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (_subscribers.IsEmpty)
        {
            return;
        }

        uint now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Peer.Id == origin)
            {
                continue;
            }

            foreach (var message in stored)
            {
                uint timestamp = message.Type switch
                {
                    MessageType.ChannelUpdate => ChannelUpdate.ReadTimestamp(message.Message),
                    MessageType.NodeAnnouncement => message.Node?.Timestamp ?? now,
                    _ => now,
                };
                if (subscriber.Wants(timestamp))
                {
                    subscriber.Enqueue(message.Message);
                }
            }
        }
    }

    private sealed class Subscriber(GossipPeer peer, uint first, uint range)
    {
        private readonly Channel<byte[]> _fresh = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(peer.Closed);

        public GossipPeer Peer { get; } = peer;

        public bool Wants(uint timestamp) => timestamp >= first && timestamp - first < range;

        public void Enqueue(byte[] message) => _fresh.Writer.TryWrite(message);

        public void Start(IReadOnlyList<byte[]> snapshot) => _ = PumpAsync(snapshot);

        public void Stop()
        {
            _fresh.Writer.TryComplete();
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task PumpAsync(IReadOnlyList<byte[]> snapshot)
        {
            var token = _stop.Token;
            try
            {
                foreach (var message in snapshot)
                {
                    await Peer.SendAsync(message, token).ConfigureAwait(false);
                }

                await foreach (var message in _fresh.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    await Peer.SendAsync(message, token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (ChannelClosedException)
            {
            }
        }
    }
}
