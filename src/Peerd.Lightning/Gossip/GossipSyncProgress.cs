using Peerd.Lightning.Node;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// How the gossip sync from each asked peer is going: asked (<see cref="GossipPeerSyncState.Requested"/>), receiving,
/// then done or disconnected, with the messages received and accepted by kind. A peer is done when it has been quiet
/// for <see cref="QuietPeriod"/> (or never answered in that time), or when over a whole quiet period it sent fewer
/// than <see cref="TrickleRate"/> messages a second: after its stored gossip a peer keeps relaying what is new, a
/// trickle beside the thousands a second of a dump. Thread-safe; time comes from the <see cref="TimeProvider"/>.
/// Keeps at most <see cref="KeptPeers"/> peers (the oldest finished ones are forgotten first).
/// </summary>
public sealed class GossipSyncProgress
{
    /// <summary>The default quiet period after which a peer's answer is taken as complete.</summary>
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromSeconds(15);

    /// <summary>The shortest time between two progress reports of one peer.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    /// <summary>Messages a second below which a peer's stream is the trickle of new gossip, not its answer.</summary>
    public const int TrickleRate = 10;

    /// <summary>Peers kept at most.</summary>
    public const int KeptPeers = 8;

    private readonly TimeProvider _time;
    private readonly List<Entry> _entries = [];

    /// <summary>Creates the tracker; <paramref name="quietPeriod"/> defaults to <see cref="DefaultQuietPeriod"/>.</summary>
    public GossipSyncProgress(TimeProvider time, TimeSpan? quietPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        QuietPeriod = quietPeriod ?? DefaultQuietPeriod;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(QuietPeriod, TimeSpan.Zero, nameof(quietPeriod));
    }

    /// <summary>How long a peer stays quiet (or at a trickle) before its answer is taken as complete.</summary>
    public TimeSpan QuietPeriod { get; }

    /// <summary>Call when <paramref name="peer"/> was sent a <c>gossip_timestamp_filter</c> from <paramref name="firstTimestamp"/>.</summary>
    public void Asked(NodeId peer, uint firstTimestamp)
    {
        var now = _time.GetUtcNow();
        lock (_entries)
        {
            _entries.RemoveAll(e => e.Peer.Equals(peer));
            _entries.Add(new Entry(peer, firstTimestamp, now));
            while (_entries.Count > KeptPeers)
            {
                int oldest = _entries.FindIndex(e => !e.Active);
                _entries.RemoveAt(oldest < 0 ? 0 : oldest);
            }
        }
    }

    /// <summary>Call with what one batch from <paramref name="peer"/> held and what of it was stored (peers not asked are ignored).</summary>
    public void Record(NodeId peer, GossipCounts received, GossipCounts accepted)
    {
        if (received.Total == 0 && accepted.Total == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (_entries)
        {
            if (Find(peer) is not { } entry)
            {
                return;
            }

            Advance(entry, now);
            if (entry.State == GossipPeerSyncState.Requested)
            {
                entry.Enter(GossipPeerSyncState.Receiving, now);
                entry.WindowStart = now;
            }
            else if (entry.State == GossipPeerSyncState.Receiving && now - entry.WindowStart >= QuietPeriod)
            {
                if (entry.WindowMessages < TrickleRate * QuietPeriod.TotalSeconds)
                {
                    entry.Enter(GossipPeerSyncState.Done, now);
                }

                entry.WindowStart = now;
                entry.WindowMessages = 0;
            }

            entry.WindowMessages += received.Total;
            entry.Received += received;
            entry.Accepted += accepted;
            entry.LastMessageAt = now;
        }
    }

    /// <summary>Call when <paramref name="peer"/> disconnected: if it was still answering it is <see cref="GossipPeerSyncState.Disconnected"/>.</summary>
    public void Disconnected(NodeId peer)
    {
        var now = _time.GetUtcNow();
        lock (_entries)
        {
            if (Find(peer) is { } entry)
            {
                Advance(entry, now);
                if (entry.Active)
                {
                    entry.Enter(GossipPeerSyncState.Disconnected, now);
                }
            }
        }
    }

    /// <summary>The sync as a whole and each kept peer's progress, oldest asked first.</summary>
    public (GossipSyncState State, IReadOnlyList<GossipPeerSync> Peers) Snapshot()
    {
        var now = _time.GetUtcNow();
        lock (_entries)
        {
            var peers = new List<GossipPeerSync>(_entries.Count);
            foreach (var entry in _entries)
            {
                Advance(entry, now);
                peers.Add(entry.Copy());
            }

            return (StateOf(peers), peers);
        }
    }

    /// <summary>
    /// What to report now: each receiving peer with new messages whose last report is at least
    /// <see cref="ProgressInterval"/> old (the first comes that long after it was asked), and once each peer done or
    /// disconnected.
    /// </summary>
    public IReadOnlyList<GossipSyncReport> Poll()
    {
        var now = _time.GetUtcNow();
        var reports = new List<GossipSyncReport>();
        lock (_entries)
        {
            foreach (var entry in _entries)
            {
                Advance(entry, now);
                if (entry.State == GossipPeerSyncState.Receiving)
                {
                    if (now - entry.LastReportAt >= ProgressInterval && entry.Received.Total > entry.ReportedMessages)
                    {
                        entry.LastReportAt = now;
                        entry.ReportedMessages = entry.Received.Total;
                        reports.Add(new GossipSyncReport(GossipSyncReportKind.Progress, entry.Copy()));
                    }
                }
                else if (!entry.Active && !entry.EndReported)
                {
                    entry.EndReported = true;
                    var kind = entry.State == GossipPeerSyncState.Done ? GossipSyncReportKind.Done : GossipSyncReportKind.Disconnected;
                    reports.Add(new GossipSyncReport(kind, entry.Copy()));
                }
            }
        }

        return reports;
    }

    /// <summary>The state of the whole sync given each peer's.</summary>
    public static GossipSyncState StateOf(IEnumerable<GossipPeerSync> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var state = GossipSyncState.NotStarted;
        foreach (var peer in peers)
        {
            if (peer.State is GossipPeerSyncState.Requested or GossipPeerSyncState.Receiving)
            {
                return GossipSyncState.Syncing;
            }

            if (peer.State == GossipPeerSyncState.Done)
            {
                state = GossipSyncState.Synced;
            }
        }

        return state;
    }

    private Entry? Find(NodeId peer) => _entries.Find(e => e.Peer.Equals(peer));

    /// <summary>Ends a peer's answer that has been quiet for the quiet period (as of when it went quiet).</summary>
    private void Advance(Entry entry, DateTimeOffset now)
    {
        if (entry.Active)
        {
            var quietSince = entry.LastMessageAt ?? entry.AskedAt;
            if (now - quietSince >= QuietPeriod)
            {
                entry.Enter(GossipPeerSyncState.Done, quietSince + QuietPeriod);
            }
        }
    }

    private sealed class Entry(NodeId peer, uint firstTimestamp, DateTimeOffset askedAt)
    {
        public NodeId Peer { get; } = peer;

        public uint FirstTimestamp { get; } = firstTimestamp;

        public DateTimeOffset AskedAt { get; } = askedAt;

        public GossipPeerSyncState State { get; private set; } = GossipPeerSyncState.Requested;

        public DateTimeOffset Since { get; private set; } = askedAt;

        public bool Active => State is GossipPeerSyncState.Requested or GossipPeerSyncState.Receiving;

        public DateTimeOffset? LastMessageAt { get; set; }

        public GossipCounts Received { get; set; }

        public GossipCounts Accepted { get; set; }

        /// <summary>Start of the current trickle window and the messages in it.</summary>
        public DateTimeOffset WindowStart { get; set; }

        public long WindowMessages { get; set; }

        public DateTimeOffset LastReportAt { get; set; } = askedAt;

        public long ReportedMessages { get; set; }

        public bool EndReported { get; set; }

        public void Enter(GossipPeerSyncState state, DateTimeOffset at)
        {
            State = state;
            Since = at;
        }

        public GossipPeerSync Copy() => new(Peer, State, FirstTimestamp, AskedAt, Since, LastMessageAt, Received, Accepted);
    }
}
