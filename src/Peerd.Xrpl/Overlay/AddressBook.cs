using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Overlay;

/// <summary>One address learnt from a peer.</summary>
/// <param name="Endpoint">The <c>ip:port</c> text as the peer sent it.</param>
/// <param name="Hops">Hops from the peer that told us (0: the peer itself).</param>
/// <param name="Source">The <c>n…</c> key of the peer that told us.</param>
/// <param name="SeenAt">When we last heard of it.</param>
public sealed record AddressBookEntry(string Endpoint, uint Hops, string Source, DateTimeOffset SeenAt);

/// <summary>
/// Peer addresses heard in <c>TMEndpoints</c> (version 2: <c>endpoints_v2</c>) and 503 redirects, kept in memory,
/// newest first and bounded by <see cref="XrplTuning.AddressBookCapacity"/>; each source holds at most
/// <see cref="XrplTuning.AddressBookEntriesPerSource"/> of them (a source beyond it replaces its own oldest), so one
/// peer cannot flush the others. Used to fill 503 redirects. Every change is O(1). Thread-safe.
/// </summary>
public sealed class AddressBook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Slot> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<AddressBookEntry> _byAge = new();
    private readonly Dictionary<string, LinkedList<string>> _bySource = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly int _perSource;

    /// <summary>Creates an empty book.</summary>
    /// <param name="capacity">Addresses kept in all.</param>
    /// <param name="perSource">Addresses kept from one source.</param>
    public AddressBook(int capacity = XrplTuning.AddressBookCapacity, int perSource = XrplTuning.AddressBookEntriesPerSource)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSource);
        _capacity = capacity;
        _perSource = perSource;
    }

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

    /// <summary>Adds every well-formed endpoint of a message (at most the per-source share); returns how many were taken.</summary>
    public int Add(TMEndpoints message, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Add(message.EndpointsV2.Select(e => (e.Endpoint, e.Hops)), source, now);
    }

    /// <summary>Adds the <c>peer-ips</c> of a 503 redirect; returns how many were taken.</summary>
    public int AddRedirects(IEnumerable<string> endpoints, System.Net.IPEndPoint from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Add(endpoints.Select(e => (e, 1u)), $"redirect from {Protocol.Handshake.PeerAddress.Format(from)}", now);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AddressBookEntry> Snapshot(int max = int.MaxValue)
    {
        var result = new List<AddressBookEntry>();
        lock (_lock)
        {
            for (var node = _byAge.Last; node is not null && result.Count < max; node = node.Previous)
            {
                result.Add(node.Value);
            }
        }

        return result;
    }

    private int Add(IEnumerable<(string Endpoint, uint Hops)> endpoints, string source, DateTimeOffset now)
    {
        var added = 0;
        lock (_lock)
        {
            foreach (var (endpoint, hops) in endpoints)
            {
                if (added == _perSource)
                {
                    break;
                }

                if (!System.Net.IPEndPoint.TryParse(endpoint, out var parsed) || parsed.Port == 0)
                {
                    continue;
                }

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

                var entry = new AddressBookEntry(endpoint, hops, source, now);
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

    private sealed record Slot(LinkedListNode<AddressBookEntry> ByAge, LinkedListNode<string> InSource);
}
