using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Protocol.PeerFinder;

namespace Peerd.Xrpl.Overlay;

/// <summary>One address learnt from a peer.</summary>
/// <param name="Endpoint">The <c>ip:port</c> (for the sender's own entry, its socket address with the advertised port).</param>
/// <param name="Hops">Hops from us (1: the peer that told us).</param>
/// <param name="Source">The <c>n…</c> key of the peer that told us.</param>
/// <param name="SeenAt">When we last heard of it.</param>
public sealed record AddressBookEntry(string Endpoint, uint Hops, string Source, DateTimeOffset SeenAt);

/// <summary>
/// Peer addresses heard in <c>TMEndpoints</c> (version 2: <c>endpoints_v2</c>), kept in memory, newest first and
/// bounded by <see cref="XrplTuning.AddressBookCapacity"/>. Used to fill 503 redirects, so only what
/// <see cref="EndpointFilter"/> accepts enters, and at most one message per peer per
/// <see cref="MessageInterval"/> (rippled's <c>whenAcceptEndpoints</c>).
/// </summary>
public sealed class AddressBook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AddressBookEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastMessage = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly bool _allowPrivate;

    /// <summary>Creates an empty book; <paramref name="allowPrivate"/> keeps non-public addresses (test networks on one host).</summary>
    public AddressBook(int capacity = XrplTuning.AddressBookCapacity, bool allowPrivate = false)
    {
        _capacity = capacity;
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

    /// <summary>Adds what <see cref="EndpointFilter"/> accepts of a peer's message; returns how many were taken.</summary>
    public int Add(TMEndpoints message, string source, System.Net.IPAddress sender, DateTimeOffset now)
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

    private int Store(IReadOnlyList<(System.Net.IPEndPoint Endpoint, uint Hops)> accepted, string source, DateTimeOffset now)
    {
        var added = 0;
        lock (_lock)
        {
            foreach (var (endpoint, hops) in accepted)
            {
                var text = PeerAddress.Format(endpoint);
                _entries[text] = new AddressBookEntry(text, hops, source, now);
                added++;
            }

            while (_entries.Count > _capacity)
            {
                _entries.Remove(_entries.Values.MinBy(e => e.SeenAt)!.Endpoint);
            }
        }

        return added;
    }

    /// <summary>Adds the <c>peer-ips</c> of a 503 redirect; returns how many were taken.</summary>
    public int AddRedirects(IEnumerable<string> endpoints, System.Net.IPEndPoint from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(from);
        var message = new TMEndpoints { Version = 2 };
        message.EndpointsV2.AddRange(endpoints.Take(EndpointFilter.MaxPerMessage).Select(e => new TMEndpoints.Types.TMEndpointv2 { Endpoint = e, Hops = 1 }));
        return Store(EndpointFilter.Filter(message, from.Address, _allowPrivate), $"redirect from {PeerAddress.Format(from)}", now);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AddressBookEntry> Snapshot(int max = int.MaxValue)
    {
        lock (_lock)
        {
            return [.. _entries.Values.OrderByDescending(e => e.SeenAt).ThenBy(e => e.Hops).Take(max)];
        }
    }
}
