using System.Net;
using System.Net.Sockets;
using Peerd.Primitives;

namespace Peerd.Peering.Admission;

/// <summary>
/// A token bucket per source address for inbound connections: an address may open
/// <see cref="AdmissionLimits.InboundBurstPerAddress"/> connections at once and earns back
/// <see cref="AdmissionLimits.InboundConnectionsPerSecondPerAddress"/> per second. IPv6 addresses are grouped by
/// their /64 (one host usually owns a whole /64). The table is bounded: when it is full, buckets that are full again
/// (they carry no state) are dropped, then the least recently used one. Thread-safe.
/// </summary>
public sealed class InboundRateLimiter
{
    private readonly AdmissionLimits _limits;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, Entry> _buckets = [];

    /// <summary>Creates a limiter for <paramref name="limits"/> on <paramref name="time"/>.</summary>
    public InboundRateLimiter(AdmissionLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        _limits = limits;
        _time = time;
    }

    /// <summary>Addresses tracked now.</summary>
    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>True when a connection from <paramref name="remote"/> may proceed (and takes its token).</summary>
    public bool TryAdmit(IPAddress remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (IPAddress.IsLoopback(remote) && !_limits.RateLimitLoopback)
        {
            return true;
        }

        var key = Key(remote);
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_buckets.TryGetValue(key, out var entry))
            {
                MakeRoom(now);
                entry = new Entry(new TokenBucket(_limits.InboundBurstPerAddress, _limits.InboundConnectionsPerSecondPerAddress, now, _time.TimestampFrequency));
                _buckets[key] = entry;
            }

            entry.LastUsed = now;
            return entry.Bucket.TryTake(now);
        }
    }

    private static IPAddress Key(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes);
    }

    private void MakeRoom(long now)
    {
        if (_buckets.Count < _limits.RateLimitedAddresses)
        {
            return;
        }

        foreach (var (address, entry) in _buckets)
        {
            if (entry.Bucket.IsFull(now))
            {
                _buckets.Remove(address);
            }
        }

        if (_buckets.Count >= _limits.RateLimitedAddresses)
        {
            var oldest = _buckets.MinBy(pair => pair.Value.LastUsed).Key;
            _buckets.Remove(oldest);
        }
    }

    private sealed class Entry(TokenBucket bucket)
    {
        public TokenBucket Bucket { get; } = bucket;

        public long LastUsed { get; set; }
    }
}
