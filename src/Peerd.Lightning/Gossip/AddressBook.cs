using Microsoft.Extensions.Logging;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// Where <c>connect &lt;id&gt;</c> finds addresses: the newest verified <c>node_announcement</c> of each node, and the
/// addresses we connected to nodes at. Kept in memory, persisted in an append-only, checksummed log
/// (<see cref="FileName"/>) that survives the process being killed at any point and compacts itself. Thread-safe.
/// <para>
/// BOLT #7 accepts a <c>node_announcement</c> only "if <c>node_id</c> is ... previously known from a
/// <c>channel_announcement</c>", which keeps strangers from filling the graph for free. Peerd keeps no channel graph,
/// so it accepts any correctly signed announcement; the cost is bounded instead: <see cref="AddressBookOptions"/>
/// caps nodes, bytes and addresses, and <see cref="GossipResponder"/> caps the signature checks each peer can make
/// us do. A node flooding fresh keys can at worst evict nodes we never connected to; nodes we did connect to are the
/// last to go.
/// </para>
/// </summary>
public sealed class AddressBook : IDisposable
{
    /// <summary>The log's file name, in the network's directory.</summary>
    public const string FileName = "address_book";

    private readonly Lock _lock = new();
    private readonly Dictionary<NodeId, Entry> _nodes = [];
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AddressBookOptions _options;
    private AddressBookFile _file = null!;
    private bool _persisting = true;
    private bool _maintenanceQueued;
    private bool _disposed;
    private long _liveBytes;
    private long _lastSync;

    private AddressBook(string path, TimeProvider time, ILogger logger, AddressBookOptions options)
    {
        _path = path;
        _time = time;
        _logger = logger;
        _options = options;
        _lastSync = time.GetTimestamp();
    }

    /// <summary>The log's path.</summary>
    public string FilePath => _path;

    /// <summary>How big the book is now.</summary>
    public AddressBookStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new(_nodes.Count, _nodes.Values.Count(e => e.Announcement is not null), _disposed ? 0 : _file.Length, _liveBytes, _persisting);
            }
        }
    }

    /// <summary>
    /// Opens the book at <paramref name="path"/> (created if absent), replaying its log. A torn or corrupt record
    /// and everything after it are cut off (and logged); an unreadable file is moved aside.
    /// </summary>
    public static AddressBook Open(string path, TimeProvider time, ILogger logger, AddressBookOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var book = new AddressBook(path, time, logger, options ?? new AddressBookOptions());
        book._file = AddressBookFile.Open(path, book.Replay, out var report);
        if (report.MovedAside is { } aside)
        {
            GossipLog.MovedAside(logger, path, aside);
        }

        if (report.Problem is { } problem)
        {
            GossipLog.Truncated(logger, path, report.DroppedBytes, report.TruncatedAt, problem);
        }

        var stats = book.Statistics;
        GossipLog.Opened(logger, path, stats.Nodes, stats.Announced, report.Records);
        lock (book._lock)
        {
            book.Guarded(book.CompactIfWorthIt);
        }

        return book;
    }

    /// <summary>True when <paramref name="timestamp"/> is newer than the announcement held for <paramref name="node"/> (or there is none).</summary>
    public bool IsNewer(NodeId node, uint timestamp)
    {
        lock (_lock)
        {
            return IsNewerLocked(node, timestamp);
        }
    }

    /// <summary>Offers a whole <c>node_announcement</c> message (type included); see <see cref="TryAccept(NodeAnnouncement)"/>.</summary>
    public AcceptResult TryAccept(ReadOnlySpan<byte> message)
    {
        if (message.Length > _options.MaxAnnouncementLength)
        {
            return AcceptResult.Refused($"node_announcement of {message.Length} bytes is over the {_options.MaxAnnouncementLength}-byte limit");
        }

        return NodeAnnouncement.TryDecode(message, out var announcement, out var failure)
            ? TryAccept(announcement)
            : AcceptResult.Invalid(failure.Reason);
    }

    /// <summary>
    /// Checks and stores an announcement, in BOLT #7's order: a valid <c>node_id</c>, newer than what we hold (a stale
    /// one costs no signature check), not too far in the future, a valid signature. Only then is it kept, replacing
    /// the node's previous one. Nodes with unknown even feature bits are kept and flagged
    /// (<see cref="NodeRecord.HasUnknownRequiredFeatures"/>).
    /// </summary>
    public AcceptResult TryAccept(NodeAnnouncement announcement) => Accept(announcement, verified: false);

    /// <summary>
    /// Stores an announcement the channel graph has already verified and tied to a channel (the graph feeds the
    /// book): the same rules as <see cref="TryAccept(NodeAnnouncement)"/> without a second signature check.
    /// </summary>
    public AcceptResult AcceptVerified(NodeAnnouncement announcement) => Accept(announcement, verified: true);

    private AcceptResult Accept(NodeAnnouncement announcement, bool verified)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        if (announcement.EncodedLength > _options.MaxAnnouncementLength)
        {
            return AcceptResult.Refused($"node_announcement of {announcement.EncodedLength} bytes is over the {_options.MaxAnnouncementLength}-byte limit");
        }

        if (!verified && !announcement.HasValidNodeId)
        {
            return AcceptResult.Invalid("node_announcement: node_id is not a valid public key");
        }

        var node = verified ? NodeId.FromCheckedBytes(announcement.NodeId.ToArray()) : NodeId.FromBytes(announcement.NodeId);
        if (!IsNewer(node, announcement.Timestamp))
        {
            return AcceptResult.Stale(node);
        }

        long latest = _time.GetUtcNow().Add(_options.MaxFutureSkew).ToUnixTimeSeconds();
        if (announcement.Timestamp > latest)
        {
            return AcceptResult.Refused($"node_announcement timestamp {announcement.Timestamp} is more than {_options.MaxFutureSkew} ahead of our clock", node);
        }

        if (!verified && !announcement.VerifySignature())
        {
            return AcceptResult.Invalid($"Bad signature on node_announcement from {node}", node);
        }

        var body = AddressBookRecord.Announcement(announcement.ToArray());
        lock (_lock)
        {
            ThrowIfDisposed();
            if (!IsNewerLocked(node, announcement.Timestamp))
            {
                return AcceptResult.Stale(node);
            }

            var entry = GetOrAdd(node, replaying: false);
            SetAnnouncement(entry, announcement, Append(body));
            AfterAppend();
        }

        return AcceptResult.Accepted(node);
    }

    /// <summary>
    /// Remembers that we connected to <paramref name="node"/> at <paramref name="endpoint"/> — call it for outbound
    /// connections, with the address dialled (an inbound connection's remote port is ephemeral and useless for
    /// connecting back). A node keeps its <see cref="AddressBookOptions.MaxConnectedAddresses"/> most recent ones.
    /// </summary>
    public void RememberConnected(NodeId node, PeerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Kind == EndpointKind.LocalSocket && string.IsNullOrEmpty(endpoint.Path))
        {
            return;
        }

        // Whole milliseconds, as the log stores them, so the book reads the same after a restart.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        var body = AddressBookRecord.Connected(node, at, endpoint);
        lock (_lock)
        {
            ThrowIfDisposed();
            var entry = GetOrAdd(node, replaying: false);
            Observe(entry, endpoint, at, Append(body));
            AfterAppend();
        }
    }

    /// <summary>
    /// The addresses <c>connect &lt;id&gt;</c> tries, in <see cref="AddressOrder"/>'s order; empty when nothing is known
    /// (Core Lightning's 400). Nodes flagged with unknown even features are not filtered out: <c>connect</c> was asked
    /// for explicitly, and the peer's <c>init</c> is checked anyway, so an incompatible node fails with a reason
    /// instead of "no address known".
    /// </summary>
    public IReadOnlyList<PeerEndpoint> AddressesFor(NodeId node)
    {
        lock (_lock)
        {
            return _nodes.TryGetValue(node, out var entry)
                ? AddressOrder.ForConnect(entry.Announcement, entry.Connected.Select(o => o.Address), _options.MaxAnnouncedAddresses)
                : [];
        }
    }

    /// <summary>What is known about <paramref name="node"/>, or null.</summary>
    public NodeRecord? Find(NodeId node)
    {
        lock (_lock)
        {
            return _nodes.TryGetValue(node, out var entry) ? entry.Snapshot(node) : null;
        }
    }

    /// <summary>The ids of every node known, in no order.</summary>
    public NodeId[] NodeIds()
    {
        lock (_lock)
        {
            return [.. _nodes.Keys];
        }
    }

    /// <summary>Every node (or only <paramref name="filter"/>), ordered by node id, for <c>listnodes</c>.</summary>
    public IReadOnlyList<NodeRecord> List(NodeId? filter = null)
    {
        lock (_lock)
        {
            if (filter is { } id)
            {
                return _nodes.TryGetValue(id, out var entry) ? [entry.Snapshot(id)] : [];
            }

            return [.. _nodes.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => p.Value.Snapshot(p.Key))];
        }
    }

    /// <summary>Syncs and closes the log.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _file.Dispose();
        }
    }

    private bool IsNewerLocked(NodeId node, uint timestamp) =>
        !_nodes.TryGetValue(node, out var entry) || entry.Announcement is null || timestamp > entry.Announcement.Timestamp;

    /// <summary>Applies one replayed record (the log is only ever replayed into an empty book).</summary>
    private void Replay(ReadOnlyMemory<byte> record)
    {
        var body = record.Span;
        if (body.IsEmpty)
        {
            // A record with a valid checksum but no kind byte: nothing to apply.
            return;
        }

        long frame = AddressBookFile.FrameLength(body.Length);
        var payload = body[1..];
        switch ((AddressBookRecordKind)body[0])
        {
            case AddressBookRecordKind.Announcement
                when NodeAnnouncement.TryDecode(payload, out var announcement, out _) && announcement.HasValidNodeId:
            {
                var node = NodeId.FromBytes(announcement.NodeId);
                if (IsNewerLocked(node, announcement.Timestamp))
                {
                    SetAnnouncement(GetOrAdd(node, replaying: true), announcement, frame);
                }

                return;
            }

            case AddressBookRecordKind.Connected when AddressBookRecord.TryReadConnected(payload, out var node, out var at, out var endpoint):
                Observe(GetOrAdd(node, replaying: true), endpoint!, at, frame);
                return;
            case AddressBookRecordKind.Forget when AddressBookRecord.TryReadNode(payload, out var node):
                Remove(node);
                return;
            default:
                // A record this version does not understand: dead weight, dropped at the next compaction.
                return;
        }
    }

    private Entry GetOrAdd(NodeId node, bool replaying)
    {
        if (_nodes.TryGetValue(node, out var entry))
        {
            return entry;
        }

        if (_nodes.Count >= _options.MaxNodes)
        {
            var victim = PickVictim();
            Remove(victim);
            if (!replaying)
            {
                Append(AddressBookRecord.Forget(victim));
                GossipLog.Evicted(_logger, victim.ToString());
            }
        }

        entry = new Entry();
        _nodes[node] = entry;
        return entry;
    }

    /// <summary>
    /// The node to forget when full: among nodes we never connected to, the one with the oldest announcement; if we
    /// connected to every node, the one connected to longest ago. A linear scan, run only when the book is full.
    /// </summary>
    private NodeId PickVictim()
    {
        NodeId victim = default;
        (int Connected, long Age) best = (int.MaxValue, long.MaxValue);
        foreach (var (node, entry) in _nodes)
        {
            var rank = entry.Connected.Count > 0
                ? (1, entry.Connected[0].Address.LastConnected.ToUnixTimeSeconds())
                : (0, (long)(entry.Announcement?.Timestamp ?? 0));
            if (rank.CompareTo(best) < 0)
            {
                best = rank;
                victim = node;
            }
        }

        return victim;
    }

    private void SetAnnouncement(Entry entry, NodeAnnouncement announcement, long frame)
    {
        _liveBytes += frame - (entry.Announcement is null ? 0 : entry.AnnouncementFrame);
        entry.Announcement = announcement;
        entry.AnnouncementFrame = frame;
    }

    private void Observe(Entry entry, PeerEndpoint endpoint, DateTimeOffset at, long frame)
    {
        string key = AddressOrder.Key(endpoint);
        int existing = entry.Connected.FindIndex(o => o.Key == key);
        if (existing >= 0)
        {
            _liveBytes -= entry.Connected[existing].Frame;
            entry.Connected.RemoveAt(existing);
        }

        int position = entry.Connected.FindIndex(o => o.Address.LastConnected <= at);
        entry.Connected.Insert(position < 0 ? entry.Connected.Count : position, new Observation(new ConnectedAddress(endpoint, at), key, frame));
        _liveBytes += frame;
        while (entry.Connected.Count > _options.MaxConnectedAddresses)
        {
            _liveBytes -= entry.Connected[^1].Frame;
            entry.Connected.RemoveAt(entry.Connected.Count - 1);
        }
    }

    private void Remove(NodeId node)
    {
        if (_nodes.Remove(node, out var entry))
        {
            _liveBytes -= (entry.Announcement is null ? 0 : entry.AnnouncementFrame) + entry.Connected.Sum(o => o.Frame);
        }
    }

    /// <summary>Appends a record; returns its frame length. A write error stops persisting (logged once) but not the book.</summary>
    private long Append(byte[] body)
    {
        if (_persisting)
        {
            try
            {
                return _file.Append(body);
            }
            catch (IOException e)
            {
                _persisting = false;
                GossipLog.WriteFailed(_logger, e, _path);
            }
        }

        return AddressBookFile.FrameLength(body.Length);
    }

    /// <summary>
    /// After an append (under the lock): when a sync is due or compaction is worth it, queues
    /// <see cref="Maintain"/>. Appends come from peers' read loops, which must not wait for a disk: the
    /// <c>write</c> is theirs, the <c>fsync</c> and the rewrite are done on a pool thread.
    /// </summary>
    private void AfterAppend()
    {
        if (_maintenanceQueued || !_persisting || (_time.GetElapsedTime(_lastSync) < _options.SyncInterval && !CompactionWorthIt()))
        {
            return;
        }

        _maintenanceQueued = true;
        ThreadPool.UnsafeQueueUserWorkItem(static book => book.Maintain(), this, preferLocal: false);
    }

    /// <summary>
    /// Compacts (under the lock: rare, and it syncs) or syncs the log (outside it: appends go on meanwhile).
    /// </summary>
    private void Maintain()
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle? handle = null;
        lock (_lock)
        {
            _maintenanceQueued = false;
            if (_disposed || !_persisting)
            {
                return;
            }

            if (CompactionWorthIt())
            {
                Guarded(CompactIfWorthIt);
                return;
            }

            handle = _file.Handle;
            _lastSync = _time.GetTimestamp();
        }

        try
        {
            AddressBookFile.Sync(handle);
        }
        catch (ObjectDisposedException)
        {
            // Rewritten or closed meanwhile: both sync on their own.
        }
        catch (IOException e)
        {
            lock (_lock)
            {
                _persisting = false;
            }

            GossipLog.WriteFailed(_logger, e, _path);
        }
    }

    /// <summary>Runs a file operation; an I/O error stops persisting (logged once) but not the book.</summary>
    private void Guarded(Action operation)
    {
        if (!_persisting)
        {
            return;
        }

        try
        {
            operation();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _persisting = false;
            GossipLog.WriteFailed(_logger, e, _path);
        }
    }

    /// <summary>True when the log is long enough and more than half of it is dead.</summary>
    private bool CompactionWorthIt()
    {
        long length = _file.Length;
        long dead = length - AddressBookFile.HeaderLength - _liveBytes;
        return _persisting && length >= _options.CompactionMinimumBytes && dead > _liveBytes;
    }

    /// <summary>Rewrites the log when <see cref="CompactionWorthIt"/>.</summary>
    private void CompactIfWorthIt()
    {
        if (!CompactionWorthIt())
        {
            return;
        }

        long length = _file.Length;

        _file.Rewrite(LiveBodies());
        _lastSync = _time.GetTimestamp();
        GossipLog.Compacted(_logger, length, _file.Length);
    }

    /// <summary>Each node's announcement, then its connections oldest first, so replay rebuilds the same order.</summary>
    private IEnumerable<byte[]> LiveBodies()
    {
        foreach (var (node, entry) in _nodes)
        {
            if (entry.Announcement is { } announcement)
            {
                yield return AddressBookRecord.Announcement(announcement.ToArray());
            }

            for (int i = entry.Connected.Count - 1; i >= 0; i--)
            {
                var observed = entry.Connected[i].Address;
                yield return AddressBookRecord.Connected(node, observed.LastConnected, observed.Endpoint);
            }
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private sealed class Entry
    {
        public NodeAnnouncement? Announcement { get; set; }

        public long AnnouncementFrame { get; set; }

        /// <summary>Most recent first.</summary>
        public List<Observation> Connected { get; } = [];

        public NodeRecord Snapshot(NodeId node) => new(node, Announcement, [.. Connected.Select(o => o.Address)]);
    }

    private sealed record Observation(ConnectedAddress Address, string Key, long Frame);
}
