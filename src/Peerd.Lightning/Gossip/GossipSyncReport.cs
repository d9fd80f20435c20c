namespace Peerd.Lightning.Gossip;

/// <summary>What <see cref="GossipSyncProgress.Poll"/> has to report about one peer.</summary>
public enum GossipSyncReportKind
{
    /// <summary>More gossip arrived since the last report (at most one per <see cref="GossipSyncProgress.ProgressInterval"/>).</summary>
    Progress,

    /// <summary>The peer is done (reported once).</summary>
    Done,

    /// <summary>The peer disconnected before it was done (reported once).</summary>
    Disconnected,
}

/// <summary>One report of <see cref="GossipSyncProgress.Poll"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Peer">The peer's progress when polled.</param>
public readonly record struct GossipSyncReport(GossipSyncReportKind Kind, GossipPeerSync Peer);
