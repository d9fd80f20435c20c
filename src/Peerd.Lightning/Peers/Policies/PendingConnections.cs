using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Peers.Policies;

/// <summary>
/// The connections still in their handshake (inbound) or being dialled and handshaken (outbound, one address of a
/// connect attempt): the transient sockets. Each has a cancellation the manager fires to close it — the oldest
/// inbound one when the table is full, all of them under descriptor pressure. Thread-safe.
/// </summary>
public sealed class PendingConnections
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Pending> _entries = [];
    private long _nextId;

    /// <summary>Connections pending now.</summary>
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

    /// <summary>Registers a pending connection; dispose the result when its handshake ends.</summary>
    public Pending Add(PeerDirection direction, PeerEndpoint remote, long startedTimestamp, CancellationToken linkedTo)
    {
        lock (_lock)
        {
            var pending = new Pending(this, ++_nextId, direction, remote, startedTimestamp, linkedTo);
            _entries[pending.Id] = pending;
            return pending;
        }
    }

    /// <summary>The inbound connection pending longest, if any.</summary>
    public Pending? OldestInbound()
    {
        lock (_lock)
        {
            Pending? oldest = null;
            foreach (var pending in _entries.Values)
            {
                if (pending.Direction == PeerDirection.In && (oldest is null || pending.Started < oldest.Started))
                {
                    oldest = pending;
                }
            }

            return oldest;
        }
    }

    /// <summary>
    /// Closes every pending connection but <paramref name="except"/> (the one whose dial hit the limit and is about
    /// to retry); returns how many of each direction.
    /// </summary>
    public (int Inbound, int Outbound) ShedAll(Pending? except = null)
    {
        Pending[] all;
        lock (_lock)
        {
            all = [.. _entries.Values];
        }

        int inbound = 0, outbound = 0;
        foreach (var pending in all)
        {
            if (pending != except && pending.Shed())
            {
                _ = pending.Direction == PeerDirection.In ? inbound++ : outbound++;
            }
        }

        return (inbound, outbound);
    }

    private void Remove(long id)
    {
        lock (_lock)
        {
            _entries.Remove(id);
        }
    }

    /// <summary>One pending connection: its direction, remote, start, and the cancellation that closes it.</summary>
    public sealed class Pending : IDisposable
    {
        private readonly PendingConnections _owner;
        private readonly CancellationTokenSource _cancellation;
        private int _shed;

        internal Pending(PendingConnections owner, long id, PeerDirection direction, PeerEndpoint remote, long started, CancellationToken linkedTo)
        {
            _owner = owner;
            Id = id;
            Direction = direction;
            Remote = remote;
            Started = started;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(linkedTo);
        }

        internal long Id { get; }

        /// <summary>Who opened it.</summary>
        public PeerDirection Direction { get; }

        /// <summary>The remote address.</summary>
        public PeerEndpoint Remote { get; }

        /// <summary>When it started (a <see cref="TimeProvider"/> timestamp).</summary>
        public long Started { get; }

        /// <summary>Pass to the dial and handshake: cancelled when the connection is shed.</summary>
        public CancellationToken Token => _cancellation.Token;

        /// <summary>True once the manager closed it to free a slot or a descriptor.</summary>
        public bool WasShed => Volatile.Read(ref _shed) == 1;

        /// <summary>Closes it (the handshake's cancellation fires); false if it was already shed.</summary>
        public bool Shed()
        {
            if (Interlocked.Exchange(ref _shed, 1) == 1)
            {
                return false;
            }

            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It finished meanwhile.
            }

            return true;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _owner.Remove(Id);
            _cancellation.Dispose();
        }
    }
}
