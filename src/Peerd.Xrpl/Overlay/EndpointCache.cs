using System.Net;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Protocol.PeerFinder;

namespace Peerd.Xrpl.Overlay;

/// <summary>One endpoint learnt from a peer (or a redirect), as cached.</summary>
/// <param name="Endpoint">The <c>ip:port</c> text.</param>
/// <param name="Hops">Hops from us (the sender itself is 1).</param>
/// <param name="Source">The <c>n…</c> key of the peer that told us, or the redirect that carried it.</param>
/// <param name="SeenAt">When we last heard of it.</param>
public sealed record CachedEndpoint(string Endpoint, uint Hops, string Source, DateTimeOffset SeenAt);

/// <summary>
/// A cache of endpoints learnt from peers, rippled's PeerFinder <c>Livecache</c>: unauthenticated <c>ip:port</c>
/// hints, not an address book of verified nodes (Lightning's <c>AddressBook</c> keeps signed announcements; this
/// keeps hearsay). Peer addresses heard in <c>TMEndpoints</c> (version 2: <c>endpoints_v2</c>) and 503 redirects, kept in memory,
/// newest first and bounded by <see cref="XrplTuning.EndpointCacheCapacity"/>. Used to fill 503 redirects, so only what
/// <see cref="EndpointFilter"/> accepts enters, at most one message per peer per <see cref="MessageInterval"/>
/// (rippled's <c>whenAcceptEndpoints</c>), and each source holds at most <see cref="XrplTuning.EndpointCacheEntriesPerSource"/>
/// addresses (a source beyond it replaces its own oldest), so one peer cannot flush the others. Every change to the
/// addresses is O(1). Thread-safe.
/// </summary>
public sealed class EndpointCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Slot> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedEndpoint> _byAge = new();
    private readonly Dictionary<string, LinkedList<string>> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastMessage = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly int _perSource;
    private readonly bool _allowPrivate;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">Addresses kept in all.</param>
    /// <param name="perSource">Addresses kept from one source.</param>
    /// <param name="allowPrivate">Keep non-public addresses too (test networks on one host).</param>
    public EndpointCache(int capacity = XrplTuning.EndpointCacheCapacity, int perSource = XrplTuning.EndpointCacheEntriesPerSource, bool allowPrivate = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSource);
        _capacity = capacity;
        _perSource = perSource;
        _allowPrivate = allowPrivate;
    }

    /// <summary>rippled's <c>secondsPerMessage</c>: one endpoints message per peer is taken per 151 s.</summary>
    public static readonly TimeSpan MessageInterval = TimeSpan.FromSeconds(151);

    /// <summary>Number of addresses.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Adds what <see cref="EndpointFilter"/> accepts of a peer's message (at most the source's share), unless the
    /// same source's last message was taken less than <see cref="MessageInterval"/> ago; returns how many were taken.
    /// </summary>
    public int Add(TMEndpoints message, string source, IPAddress sender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        lock (_lock)
        {
            if (_lastMessage.TryGetValue(source, out var last) && now - last < MessageInterval)
            {
                return 0;
            }

            _lastMessage[source] = now;
            if (_lastMessage.Count > _capacity)
            {
                foreach (var stale in _lastMessage.Where(e => now - e.Value >= MessageInterval).Select(e => e.Key).ToList())
                {
                    _lastMessage.Remove(stale);
                }
            }
        }

        return Store(EndpointFilter.Filter(message, sender, _allowPrivate), source, now);
    }

    /// <summary>Adds the <c>peer-ips</c> of a 503 redirect, filtered as a peer's endpoints are; returns how many were taken.</summary>
    public int AddRedirects(IEnumerable<string> endpoints, IPEndPoint from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(from);
        var message = new TMEndpoints { Version = 2 };
        message.EndpointsV2.AddRange(endpoints.Take(EndpointFilter.MaxPerMessage).Select(e => new TMEndpoints.Types.TMEndpointv2 { Endpoint = e, Hops = 1 }));
        return Store(EndpointFilter.Filter(message, from.Address, _allowPrivate), $"redirect from {PeerAddress.Format(from)}", now);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<CachedEndpoint> Snapshot(int max = int.MaxValue)
    {
        var result = new List<CachedEndpoint>();
        lock (_lock)
        {
            for (var node = _byAge.Last; node is not null && result.Count < max; node = node.Previous)
            {
                result.Add(node.Value);
            }
        }

        return result;
    }

    private int Store(IReadOnlyList<(IPEndPoint Endpoint, uint Hops)> accepted, string source, DateTimeOffset now)
    {
        var added = 0;
        lock (_lock)
        {
            foreach (var (parsed, hops) in accepted)
            {
                if (added == _perSource)
                {
                    break;
                }

                var endpoint = PeerAddress.Format(parsed);
                Remove(endpoint);
                if (_bySource.TryGetValue(source, out var full) && full.Count >= _perSource)
                {
                    // The source's share is used: its own oldest address makes room, never another source's.
                    Remove(full.First!.Value);
                }

                if (!_bySource.TryGetValue(source, out var own))
                {
                    own = new LinkedList<string>();
                    _bySource[source] = own;
                }

                var entry = new CachedEndpoint(endpoint, hops, source, now);
                _entries[endpoint] = new Slot(_byAge.AddLast(entry), own.AddLast(endpoint));
                added++;
                while (_entries.Count > _capacity)
                {
                    Remove(_byAge.First!.Value.Endpoint);
                }
            }
        }

        return added;
    }

    private void Remove(string endpoint)
    {
        if (!_entries.Remove(endpoint, out var slot))
        {
            return;
        }

        _byAge.Remove(slot.ByAge);
        var own = slot.InSource.List!;
        own.Remove(slot.InSource);
        if (own.Count == 0)
        {
            _bySource.Remove(slot.ByAge.Value.Source);
        }
    }

    private sealed record Slot(LinkedListNode<CachedEndpoint> ByAge, LinkedListNode<string> InSource);
}
