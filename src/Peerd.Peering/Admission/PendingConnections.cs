namespace Peerd.Peering.Admission;

/// <summary>
/// The connections still in their handshake (inbound) or being dialled and handshaken (outbound): the transient
/// sockets. Each has a cancellation the owner fires to close it — the oldest inbound one when the table is full, all
/// of them under descriptor pressure. Adding, removing and finding the oldest inbound entry are O(1) (entries are
/// kept in arrival order), so a flood that keeps the table full costs nothing per accept. Thread-safe.
/// </summary>
public sealed class PendingConnections
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Pending> _inbound = new();
    private readonly LinkedList<Pending> _outbound = new();

    /// <summary>Connections pending now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _inbound.Count + _outbound.Count;
            }
        }
    }

    /// <summary>Registers a pending connection; dispose the result when its handshake ends (whatever the outcome).</summary>
    /// <param name="inbound">True when the peer dialled us.</param>
    /// <param name="remote">The remote address, for logs.</param>
    /// <param name="startedTimestamp">When it started (a <see cref="TimeProvider"/> timestamp; later additions are not older).</param>
    /// <param name="linkedTo">Cancels it too (the node stopping, an attempt abandoned).</param>
    public Pending Add(bool inbound, string remote, long startedTimestamp, CancellationToken linkedTo)
    {
        var pending = new Pending(this, inbound, remote, startedTimestamp, linkedTo);
        lock (_lock)
        {
            pending.Node = (inbound ? _inbound : _outbound).AddLast(pending);
        }

        return pending;
    }

    /// <summary>The inbound connection pending longest, if any.</summary>
    public Pending? OldestInbound()
    {
        lock (_lock)
        {
            return _inbound.First?.Value;
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
            all = [.. _inbound, .. _outbound];
        }

        int inbound = 0, outbound = 0;
        foreach (var pending in all)
        {
            if (pending != except && pending.Shed())
            {
                _ = pending.Inbound ? inbound++ : outbound++;
            }
        }

        return (inbound, outbound);
    }

    private void Remove(Pending pending)
    {
        lock (_lock)
        {
            if (pending.Node?.List is { } list)
            {
                list.Remove(pending.Node);
            }
        }
    }

    /// <summary>One pending connection: its direction, remote, start, and the cancellation that closes it.</summary>
    public sealed class Pending : IDisposable
    {
        private readonly PendingConnections _owner;
        private readonly CancellationTokenSource _cancellation;
        private int _shed;
        private int _disposed;

        internal Pending(PendingConnections owner, bool inbound, string remote, long started, CancellationToken linkedTo)
        {
            _owner = owner;
            Inbound = inbound;
            Remote = remote;
            Started = started;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(linkedTo);
        }

        /// <summary>True when the peer dialled us.</summary>
        public bool Inbound { get; }

        /// <summary>The remote address.</summary>
        public string Remote { get; }

        /// <summary>When it started (a <see cref="TimeProvider"/> timestamp).</summary>
        public long Started { get; }

        /// <summary>Pass to the dial and handshake: cancelled when the connection is shed.</summary>
        public CancellationToken Token => _cancellation.Token;

        /// <summary>True once the owner closed it to free a slot or a descriptor.</summary>
        public bool WasShed => Volatile.Read(ref _shed) == 1;

        internal LinkedListNode<Pending>? Node { get; set; }

        /// <summary>Closes it (the handshake's cancellation fires); false if it was already shed or has ended.</summary>
        public bool Shed()
        {
            if (Volatile.Read(ref _disposed) == 1 || Interlocked.Exchange(ref _shed, 1) == 1)
            {
                return false;
            }

            // Out of the table at once: it no longer holds a slot, and is not found again as the oldest.
            _owner.Remove(this);
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
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            _owner.Remove(this);
            _cancellation.Dispose();
        }
    }
}
