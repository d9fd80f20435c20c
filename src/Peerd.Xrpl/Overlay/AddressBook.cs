using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Overlay;

/// <summary>One address learnt from a peer.</summary>
/// <param name="Endpoint">The <c>ip:port</c> text as the peer sent it.</param>
/// <param name="Hops">Hops from the peer that told us (0: the peer itself).</param>
/// <param name="Source">The <c>n…</c> key of the peer that told us.</param>
/// <param name="SeenAt">When we last heard of it.</param>
public sealed record AddressBookEntry(string Endpoint, uint Hops, string Source, DateTimeOffset SeenAt);

/// <summary>
/// Peer addresses heard in <c>TMEndpoints</c> (version 2: <c>endpoints_v2</c>), kept in memory, newest first and
/// bounded by <see cref="XrplTuning.AddressBookCapacity"/>. Used to fill 503 redirects.
/// </summary>
public sealed class AddressBook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AddressBookEntry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;

    /// <summary>Creates an empty book.</summary>
    public AddressBook(int capacity = XrplTuning.AddressBookCapacity) => _capacity = capacity;

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

    /// <summary>Adds every well-formed endpoint of a message; returns how many were taken.</summary>
    public int Add(TMEndpoints message, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var added = 0;
        lock (_lock)
        {
            foreach (var endpoint in message.EndpointsV2)
            {
                if (!System.Net.IPEndPoint.TryParse(endpoint.Endpoint, out var parsed) || parsed.Port == 0)
                {
                    continue;
                }

                _entries[endpoint.Endpoint] = new AddressBookEntry(endpoint.Endpoint, endpoint.Hops, source, now);
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
        var message = new TMEndpoints { Version = 2 };
        message.EndpointsV2.AddRange(endpoints.Select(e => new TMEndpoints.Types.TMEndpointv2 { Endpoint = e, Hops = 1 }));
        return Add(message, $"redirect from {Protocol.Handshake.PeerAddress.Format(from)}", now);
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
